"""Content updates from the app: "Oppdater innhold fra fil" and "Om innholdet".

The same checks as `handbook pack import`: a pack that is not signed by the trusted key, is
changed, too big, older, or has invalid content is refused in one sentence, and the content
in use is untouched. A good pack is switched in; it is used from the next start.
"""

from __future__ import annotations

from desktop.i18n import tr, translate
from desktop.windows.dialogs import DialogService
from index import paths
from index.errors import HandbokError
from index.packs import install as packs
from index.resources import search_config_dir


def update_from_file(dialogs: DialogService) -> str | None:
    """Ask for a pack and install it; returns the new version, or None."""
    title = tr("Oppdater innhold fra fil")
    path = dialogs.open_path(title, tr("Innholdspakke (*.zip)"))
    if path is None:
        return None
    from index.packs.keys import trusted_keys

    root = paths.packs_root()
    try:
        report = packs.import_pack(
            path, trusted_keys(), root,
            installed_version=packs.version_in_use(root),
            search_dir=search_config_dir(),
        )  # fmt: skip
    except HandbokError as error:
        dialogs.warn(title, error.message(translate))
        return None
    old = report.previous_store or paths.builtin_store_dir()
    gone = packs.vanished_ids(old, report.store) if old.exists() else []
    lines = [
        tr("Innholdet er oppdatert til versjon {version}.").format(version=report.info.version),
        report.info.changelog,
        tr("Start Handbok på nytt for å ta det nye innholdet i bruk."),
    ]
    if gone:
        lines.append(tr("Dette finnes ikke lenger; bokmerker til det vises som borte:"))
        lines += [f"  {ident}" for ident in gone]
    dialogs.inform(title, "\n".join(line for line in lines if line))
    return report.info.version


def about_content(dialogs: DialogService) -> str:
    info = packs.installed_info(paths.packs_root())
    if info is None:
        text = tr("I bruk: innholdet programmet ble levert med.")
    else:
        text = tr("I bruk: innholdspakke {version}.").format(version=info.version)
        if info.changelog:
            text += "\n\n" + info.changelog
    dialogs.inform(tr("Om innholdet"), text)
    return text
