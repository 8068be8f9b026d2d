<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="nb_NO">
<context>
    <name></name>
    <message>
        <source>Handbok: veiledning, kontakter og sjekklister for helsestasjon og fastlege.</source>
        <translation>Handbok: guidance, contacts and checklists for health stations and GPs.</translation>
    </message>
    <message>
        <source>MAPPE</source>
        <translation>FOLDER</translation>
    </message>
    <message>
        <source>mappen for brukerdata</source>
        <translation>the folder for user data</translation>
    </message>
    <message>
        <source>mappen for det bygde innholdet</source>
        <translation>the folder of the built content</translation>
    </message>
    <message>
        <source>kommando</source>
        <translation>command</translation>
    </message>
    <message>
        <source>søk i veiledning, kontakter og sjekklister</source>
        <translation>search guidance, contacts and checklists</translation>
    </message>
    <message>
        <source>SØK</source>
        <translation>QUERY</translation>
    </message>
    <message>
        <source>det du leter etter</source>
        <translation>what you are looking for</translation>
    </message>
    <message>
        <source>bare én type treff</source>
        <translation>only one kind of result</translation>
    </message>
    <message>
        <source>høyst N treff (10)</source>
        <translation>at most N results (10)</translation>
    </message>
    <message>
        <source>skriv treffene som JSON</source>
        <translation>print the results as JSON</translation>
    </message>
    <message>
        <source>skriv ut en artikkel, et avsnitt, en kontakt</source>
        <translation>print an article, a section, a contact</translation>
    </message>
    <message>
        <source>id-en fra et søketreff</source>
        <translation>the id from a search result</translation>
    </message>
    <message>
        <source>skriv alle feltene som JSON</source>
        <translation>print all fields as JSON</translation>
    </message>
    <message>
        <source>lag et skriv til pasienten som PDF</source>
        <translation>make a handout for the patient as PDF</translation>
    </message>
    <message>
        <source>MAL</source>
        <translation>TEMPLATE</translation>
    </message>
    <message>
        <source>malens id</source>
        <translation>the template&apos;s id</translation>
    </message>
    <message>
        <source>legg til innhold, ett eller flere, i denne rekkefølgen</source>
        <translation>add content, one or more, in this order</translation>
    </message>
    <message>
        <source>FIL</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>PDF-filen som skal lages</source>
        <translation>the PDF file to write</translation>
    </message>
    <message>
        <source>papirstørrelse</source>
        <translation>paper size</translation>
    </message>
    <message>
        <source>stor skrift</source>
        <translation>large print</translation>
    </message>
    <message>
        <source>NAVN</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>kommunens navn</source>
        <translation>the municipality&apos;s name</translation>
    </message>
    <message>
        <source>vis malene</source>
        <translation>list the templates</translation>
    </message>
    <message>
        <source>kontroller at innholdet, søket og utskriften virker</source>
        <translation>check that content, search and printing work</translation>
    </message>
    <message>
        <source>bygg innholdet og søkeindeksen</source>
        <translation>build the content and the search index</translation>
    </message>
    <message>
        <source>innholdsmappen som skal bygges</source>
        <translation>the content folder to build</translation>
    </message>
    <message>
        <source>hvor det bygde innholdet skal ligge</source>
        <translation>where the built content goes</translation>
    </message>
    <message>
        <source>handbok: Det oppstod en uventet feil. Detaljer er skrevet til {log}.</source>
        <translation>handbok: An unexpected error occurred. Details were written to {log}.</translation>
    </message>
    <message>
        <source>Bygde {count} søkbare elementer i {folder} på {seconds:.1f} s.</source>
        <translation>Built {count} searchable items in {folder} in {seconds:.1f} s.</translation>
    </message>
    <message>
        <source>Innholdet er endret; bygde søkeindeksen på nytt ({seconds:.1f} s).</source>
        <translation>The content has changed; rebuilt the search index ({seconds:.1f} s).</translation>
    </message>
    <message>
        <source>handbok: skriv «handbok handout MAL --pdf FIL.pdf», eller «--list»</source>
        <translation>handbok: write «handbok handout TEMPLATE --pdf FILE.pdf», or «--list»</translation>
    </message>
    <message>
        <source>handbok: malen «{template}» har ikke noe innhold av seg selv; legg til en sjekkliste eller annet innhold med «--add ID».</source>
        <translation>handbok: the template “{template}” has no content of its own; add a checklist or other content with “--add ID”.</translation>
    </message>
    <message>
        <source>handbok: {name} skrives ikke ut: ingen telefon, e-post eller nettadresse.</source>
        <translation>handbok: {name} is left out: no phone, e-mail or web address.</translation>
    </message>
    <message>
        <source>handbok: Kunne ikke skrive {path} ({reason}).</source>
        <translation>handbok: Could not write {path} ({reason}).</translation>
    </message>
    <message>
        <source>Skrev {pages} sider til {path}.</source>
        <translation>Wrote {pages} pages to {path}.</translation>
    </message>
    <message>
        <source>(ingen skrivbar loggmappe)</source>
        <translation>(no writable log folder)</translation>
    </message>
    <message>
        <source>artikkel</source>
        <translation>article</translation>
    </message>
    <message>
        <source>kontakt</source>
        <translation>contact</translation>
    </message>
    <message>
        <source>sjekkliste</source>
        <translation>checklist</translation>
    </message>
    <message>
        <source>åpningstid ukjent</source>
        <translation>opening hours unknown</translation>
    </message>
    <message>
        <source>Mente du: {suggestion}</source>
        <translation>Did you mean: {suggestion}</translation>
    </message>
    <message>
        <source>Ingen treff for «{query}».</source>
        <translation>No results for «{query}».</translation>
    </message>
    <message>
        <source>Ingen eksakte treff. Viser treff med lignende ord.</source>
        <translation>No exact results. Showing results with similar words.</translation>
    </message>
    <message>
        <source>Ingen treff med alle ordene. Viser treff med noen av dem.</source>
        <translation>No results with all the words. Showing results with some of them.</translation>
    </message>
    <message>
        <source>Redaksjonell merknad:</source>
        <translation>Editorial note:</translation>
    </message>
    <message>
        <source>Utgiver: {publisher}</source>
        <translation>Publisher: {publisher}</translation>
    </message>
    <message>
        <source>Forfatter: {author}</source>
        <translation>Author: {author}</translation>
    </message>
    <message>
        <source>Sist faglig oppdatert: {date}</source>
        <translation>Last professionally updated: {date}</translation>
    </message>
    <message>
        <source>Kilde: {source}</source>
        <translation>Source: {source}</translation>
    </message>
    <message>
        <source>Om kilden</source>
        <translation>About the source</translation>
    </message>
    <message>
        <source>({count} merknader)</source>
        <translation>({count} notes)</translation>
    </message>
    <message>
        <source>Hos oss (fra kommunen):</source>
        <translation>Here (from the municipality):</translation>
    </message>
    <message>
        <source>Hos oss:</source>
        <translation>Here:</translation>
    </message>
    <message>
        <source>+ Legg til lokalt notat</source>
        <translation>+ Add a local note</translation>
    </message>
    <message>
        <source>Kilden oppgir ikke når teksten sist ble faglig oppdatert.</source>
        <translation>The source does not say when the text was last professionally updated.</translation>
    </message>
    <message>
        <source>Denne teksten ble sist faglig oppdatert {date}, for mer enn tre år siden. Sjekk gjerne om det finnes nyere råd fra kilden.</source>
        <translation>This text was last professionally updated on {date}, more than three years ago. You may want to check the source for newer advice.</translation>
    </message>
    <message>
        <source>Åpen nå</source>
        <translation>Open now</translation>
    </message>
    <message>
        <source>Stengt nå</source>
        <translation>Closed now</translation>
    </message>
    <message>
        <source>Åpningstid ukjent</source>
        <translation>Opening hours unknown</translation>
    </message>
    <message>
        <source>Opplysningene ble kontrollert for mer enn ett år siden.</source>
        <translation>These details were verified more than a year ago.</translation>
    </message>
    <message>
        <source>Kopier</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Kategori: {category}</source>
        <translation>Category: {category}</translation>
    </message>
    <message>
        <source>For: {audience}</source>
        <translation>For: {audience}</translation>
    </message>
    <message>
        <source>Område: {region}</source>
        <translation>Region: {region}</translation>
    </message>
    <message>
        <source>Adresse: {address}</source>
        <translation>Address: {address}</translation>
    </message>
    <message>
        <source>OBS: {caution}</source>
        <translation>Note: {caution}</translation>
    </message>
    <message>
        <source>Ingen kontrollerte kontaktopplysninger.</source>
        <translation>No verified contact details.</translation>
    </message>
    <message>
        <source>Kontrollert: {date}</source>
        <translation>Verified: {date}</translation>
    </message>
    <message>
        <source>Fra sjekklisten: {title}</source>
        <translation>From the checklist: {title}</translation>
    </message>
    <message>
        <source>Søket feilet. Prøv et annet ord.</source>
        <translation>The search failed. Try another word.</translation>
    </message>
    <message>
        <source>Fjern bokmerke</source>
        <translation>Remove bookmark</translation>
    </message>
    <message>
        <source>Vil du fjerne bokmerket «{title}»?</source>
        <translation>Do you want to remove the bookmark «{title}»?</translation>
    </message>
    <message>
        <source>Legg til bokmerke</source>
        <translation>Add bookmark</translation>
    </message>
    <message>
        <source>Notat til bokmerket (kan stå tomt):</source>
        <translation>Note for the bookmark (may be empty):</translation>
    </message>
    <message>
        <source>Notat</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Notat til bokmerket:</source>
        <translation>Note for the bookmark:</translation>
    </message>
    <message>
        <source>Slett bokmerke</source>
        <translation>Delete bookmark</translation>
    </message>
    <message>
        <source>Vil du slette bokmerket?</source>
        <translation>Do you want to delete the bookmark?</translation>
    </message>
    <message>
        <source>Eksporter bokmerker</source>
        <translation>Export bookmarks</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Eksporterte {count} bokmerker til {path}.</source>
        <translation>Exported {count} bookmarks to {path}.</translation>
    </message>
    <message>
        <source>Importer bokmerker</source>
        <translation>Import bookmarks</translation>
    </message>
    <message>
        <source>{added} nye, {updated} oppdatert, {skipped} fantes fra før.</source>
        <translation>{added} new, {updated} updated, {skipped} already there.</translation>
    </message>
    <message>
        <source>Tøm historikken</source>
        <translation>Clear the history</translation>
    </message>
    <message>
        <source>Vil du tømme historikken?</source>
        <translation>Do you want to clear the history?</translation>
    </message>
    <message>
        <source>Skrevet ut {date} fra Handbok</source>
        <translation>Printed {date} from Handbok</translation>
    </message>
    <message>
        <source>Haster det? Ring:</source>
        <translation>Is it urgent? Call:</translation>
    </message>
    <message>
        <source>Åpningstider: se {web}.</source>
        <translation>Opening hours: see {web}.</translation>
    </message>
    <message>
        <source>Adresse:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Kilder</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>{name} (sist faglig oppdatert {date})</source>
        <translation>{name} (last professionally updated {date})</translation>
    </message>
    <message>
        <source>Teksten bygger på veiledning fra {names}.</source>
        <translation>This text is based on guidance from {names}.</translation>
    </message>
    <message>
        <source>Telefonnumre og adresser ble sist kontrollert {date}.</source>
        <translation>Phone numbers and addresses were last checked on {date}.</translation>
    </message>
    <message>
        <source>Telefonnumre og adresser ble kontrollert mellom {first} og {last}.</source>
        <translation>Phone numbers and addresses were checked between {first} and {last}.</translation>
    </message>
    <message>
        <source>{first} og {last}</source>
        <translation>{first} and {last}</translation>
    </message>
    <message>
        <source>Ring</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Send SMS</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Nettside</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Åpent hele døgnet.</source>
        <translation>Open day and night.</translation>
    </message>
    <message>
        <source>Åpent {hours}.</source>
        <translation>Open {hours}.</translation>
    </message>
    <message>
        <source>Skriv til pasienten: {title}</source>
        <translation>Handout for the patient: {title}</translation>
    </message>
    <message>
        <source>Kunne ikke starte utskriften.</source>
        <translation>Could not start printing.</translation>
    </message>
    <message>
        <source>Side {page} av {pages}</source>
        <translation>Page {page} of {pages}</translation>
    </message>
    <message>
        <source>Innhold</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Søk</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Brukerdata</source>
        <translation>User data</translation>
    </message>
    <message>
        <source>Utskrift</source>
        <translation>Printing</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>FEIL</source>
        <translation>FAIL</translation>
    </message>
    <message>
        <source>Selvtesten fant {count} feil.</source>
        <translation>The self-test found {count} faults.</translation>
    </message>
    <message>
        <source>Selvtesten er bestått.</source>
        <translation>The self-test passed.</translation>
    </message>
    <message>
        <source>innholdet er tomt</source>
        <translation>the content is empty</translation>
    </message>
    <message>
        <source>{articles} artikler, {contacts} kontakter, versjon {hash}</source>
        <translation>{articles} articles, {contacts} contacts, version {hash}</translation>
    </message>
    <message>
        <source>«{text}» fant ikke «{id}»</source>
        <translation>«{text}» did not find «{id}»</translation>
    </message>
    <message>
        <source>{count} kontrollsøk ga riktig svar</source>
        <translation>{count} probe searches gave the right answer</translation>
    </message>
    <message>
        <source>kan skrive i {folder}</source>
        <translation>can write in {folder}</translation>
    </message>
    <message>
        <source>PDF-en ble ikke laget riktig</source>
        <translation>the PDF was not made correctly</translation>
    </message>
    <message>
        <source>«{title}»: {pages} sider, {kb} kB PDF</source>
        <translation>«{title}»: {pages} pages, {kb} kB PDF</translation>
    </message>
    <message>
        <source>innholdspakker: oppdater innholdet fra en fil</source>
        <translation>content packs: update the content from a file</translation>
    </message>
    <message>
        <source>lokale kontakter: importer og eksporter</source>
        <translation>local contacts: import and export</translation>
    </message>
    <message>
        <source>handling</source>
        <translation>action</translation>
    </message>
    <message>
        <source>les kontakter fra en CSV-fil</source>
        <translation>read contacts from a CSV file</translation>
    </message>
    <message>
        <source>skriv kontaktene til en CSV-fil</source>
        <translation>write the contacts to a CSV file</translation>
    </message>
    <message>
        <source>Skrev {count} lokale kontakter til {path}.</source>
        <translation>Wrote {count} local contacts to {path}.</translation>
    </message>
    <message>
        <source>{added} nye, {updated} oppdatert, {unchanged} uendret.</source>
        <translation>{added} new, {updated} updated, {unchanged} unchanged.</translation>
    </message>
    <message>
        <source>lag et nøkkelpar for signering</source>
        <translation>make a signing key pair</translation>
    </message>
    <message>
        <source>PRIVAT</source>
        <translation>PRIVATE</translation>
    </message>
    <message>
        <source>den private nøkkelen (hemmelig)</source>
        <translation>the private key (secret)</translation>
    </message>
    <message>
        <source>OFFENTLIG</source>
        <translation>PUBLIC</translation>
    </message>
    <message>
        <source>den offentlige nøkkelen</source>
        <translation>the public key</translation>
    </message>
    <message>
        <source>lag en signert innholdspakke</source>
        <translation>make a signed content pack</translation>
    </message>
    <message>
        <source>innholdsmappen</source>
        <translation>the content folder</translation>
    </message>
    <message>
        <source>privat nøkkel</source>
        <translation>private key</translation>
    </message>
    <message>
        <source>pakken som lages</source>
        <translation>the pack to write</translation>
    </message>
    <message>
        <source>innholdets versjon, som 2026.12.1</source>
        <translation>the content&apos;s version, like 2026.12.1</translation>
    </message>
    <message>
        <source>TEKST</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>hva som er nytt</source>
        <translation>what is new</translation>
    </message>
    <message>
        <source>kontroller en innholdspakke</source>
        <translation>check a content pack</translation>
    </message>
    <message>
        <source>ta i bruk en innholdspakke</source>
        <translation>install a content pack</translation>
    </message>
    <message>
        <source>også en eldre versjon</source>
        <translation>even an older version</translation>
    </message>
    <message>
        <source>gå tilbake til innholdet før siste import</source>
        <translation>go back to the content before the last import</translation>
    </message>
    <message>
        <source>vis hvilket innhold som er i bruk</source>
        <translation>show which content is in use</translation>
    </message>
    <message>
        <source>Laget nøkkelpar; fingeravtrykk {print}.</source>
        <translation>Made a key pair; fingerprint {print}.</translation>
    </message>
    <message>
        <source>Innholdet er oppdatert til versjon {version}.</source>
        <translation>The content is updated to version {version}.</translation>
    </message>
    <message>
        <source>Finnes ikke lenger i innholdet (bokmerker til disse vises som borte):</source>
        <translation>No longer in the content (bookmarks to these show as gone):</translation>
    </message>
    <message>
        <source>innebygd</source>
        <translation>built-in</translation>
    </message>
    <message>
        <source>Tilbake til innholdet fra før: {version}.</source>
        <translation>Back to the earlier content: {version}.</translation>
    </message>
    <message>
        <source>Oppdater innhold fra fil</source>
        <translation>Update content from file</translation>
    </message>
    <message>
        <source>Innholdspakke (*.zip)</source>
        <translation>Content pack (*.zip)</translation>
    </message>
    <message>
        <source>Start Handbok på nytt for å ta det nye innholdet i bruk.</source>
        <translation>Restart Handbok to use the new content.</translation>
    </message>
    <message>
        <source>Dette finnes ikke lenger; bokmerker til det vises som borte:</source>
        <translation>These no longer exist; bookmarks to them show as gone:</translation>
    </message>
    <message>
        <source>I bruk: innholdet programmet ble levert med.</source>
        <translation>In use: the content the program came with.</translation>
    </message>
    <message>
        <source>I bruk: innholdspakke {version}.</source>
        <translation>In use: content pack {version}.</translation>
    </message>
    <message>
        <source>Om innholdet</source>
        <translation>About the content</translation>
    </message>
    <message>
        <source>Innholdspakke {version} fra {date}: {files} filer, signert med nøkkel {key}. {log}</source>
        <translation>Content pack {version} of {date}: {files} files, signed with key {key}. {log}</translation>
    </message>
    <message>
        <source>Lokale kontakter</source>
        <translation>Local contacts</translation>
    </message>
    <message>
        <source>Bare kontakter dere har lagt inn selv, kan endres her.</source>
        <translation>Only contacts you added yourselves can be changed here.</translation>
    </message>
    <message>
        <source>Bare kontakter dere har lagt inn selv, kan slettes her.</source>
        <translation>Only contacts you added yourselves can be deleted here.</translation>
    </message>
    <message>
        <source>Slett kontakt</source>
        <translation>Delete contact</translation>
    </message>
    <message>
        <source>Vil du slette den lokale kontakten?</source>
        <translation>Do you want to delete the local contact?</translation>
    </message>
    <message>
        <source>Importer kontakter</source>
        <translation>Import contacts</translation>
    </message>
    <message>
        <source>Importen stoppet på grunn av en uventet feil; ingenting ble lagret.</source>
        <translation>The import stopped because of an unexpected error; nothing was saved.</translation>
    </message>
    <message>
        <source>Leser og lagrer kontaktene …</source>
        <translation>Reading and saving the contacts …</translation>
    </message>
    <message>
        <source>Importerer kontakter</source>
        <translation>Importing contacts</translation>
    </message>
    <message>
        <source>CSV (*.csv *.txt)</source>
        <translation>CSV (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Eksporter kontakter</source>
        <translation>Export contacts</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Lagre</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Steder og filer</source>
        <translation>Places and files</translation>
    </message>
    <message>
        <source>Skillelinje mellom steder og filer</source>
        <translation>Divider between places and files</translation>
    </message>
    <message>
        <source>Forstørrelse</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Flere knapper</source>
        <translation>More buttons</translation>
    </message>
    <message>
        <source>Døgnåpen. Enter viser kontakten.</source>
        <translation>Open around the clock. Enter shows the contact.</translation>
    </message>
    <message>
        <source>{number} {name}: vis kontakten</source>
        <translation>{number} {name}: show the contact</translation>
    </message>
    <message>
        <source>Nødnumre og døgnåpne hjelpetelefoner</source>
        <translation>Emergency numbers and help lines open around the clock</translation>
    </message>
    <message>
        <source>Piltastene flytter mellom numrene, Enter viser kontakten.</source>
        <translation>The arrow keys move between the numbers, Enter shows the contact.</translation>
    </message>
    <message>
        <source>Akutt:</source>
        <translation>Emergency:</translation>
    </message>
    <message>
        <source>Akutt</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <source>Medisinsk nødtelefon</source>
        <translation>Medical emergency</translation>
    </message>
    <message>
        <source>Legevakt</source>
        <translation>Out-of-hours clinic</translation>
    </message>
    <message>
        <source>{label} {value}</source>
        <translation>{label} {value}</translation>
    </message>
    <message>
        <source>Kopierer {value}</source>
        <translation>Copies {value}</translation>
    </message>
    <message>
        <source>Lenke. Åpner {address} i nettleseren</source>
        <translation>Link. Opens {address} in the web browser</translation>
    </message>
    <message>
        <source>Lenke. Skriver e-post til {address}</source>
        <translation>Link. Writes an e-mail to {address}</translation>
    </message>
    <message>
        <source>Legger til et notat for dette avsnittet</source>
        <translation>Adds a note to this section</translation>
    </message>
    <message>
        <source>Sletter notatet</source>
        <translation>Deletes the note</translation>
    </message>
    <message>
        <source>Lenke. Viser det i Handbok</source>
        <translation>Link. Shows it in Handbok</translation>
    </message>
    <message>
        <source>mandag</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>tirsdag</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>onsdag</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>torsdag</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>fredag</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>lørdag</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>søndag</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>kl. {clock}</source>
        <translation>at {clock}</translation>
    </message>
    <message>
        <source>i morgen kl. {clock}</source>
        <translation>tomorrow at {clock}</translation>
    </message>
    <message>
        <source>{day} kl. {clock}</source>
        <translation>{day} at {clock}</translation>
    </message>
    <message>
        <source>Døgnåpen</source>
        <translation>Open around the clock</translation>
    </message>
    <message>
        <source>Åpen nå · stenger {when}</source>
        <translation>Open now · closes {when}</translation>
    </message>
    <message>
        <source>Stengt nå · åpner {when}</source>
        <translation>Closed now · opens {when}</translation>
    </message>
    <message>
        <source>For {audience}</source>
        <translation>For {audience}</translation>
    </message>
    <message>
        <source>Kopier {number}</source>
        <translation>Copy {number}</translation>
    </message>
    <message>
        <source>Kopier nummeret</source>
        <translation>Copy the number</translation>
    </message>
    <message>
        <source>Kopiert</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>Trykk Enter for å åpne kontakten.</source>
        <translation>Press Enter to open the contact.</translation>
    </message>
    <message>
        <source>Kan ikke leses: {what}.</source>
        <translation>Cannot be read: {what}.</translation>
    </message>
    <message>
        <source>Tomt felt: åpningstiden vises som ukjent.</source>
        <translation>Empty: the opening hours are shown as unknown.</translation>
    </message>
    <message>
        <source>Forstått som: {hours}</source>
        <translation>Understood as: {hours}</translation>
    </message>
    <message>
        <source>Hjelp og hurtigtaster</source>
        <translation>Help and keyboard shortcuts</translation>
    </message>
    <message>
        <source>Hjelp</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Hurtigtaster</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Handbok {version}</source>
        <translation>Handbok {version}</translation>
    </message>
    <message>
        <source>Veiledning, kontakter og sjekklister for helsestasjoner og fastlegekontor, uten nett. Teksten i veiledningen er fra kildene som står ved hver artikkel; telefonnumrene er kontrollert mot kildene som står ved hver kontakt.</source>
        <translation>Guidance, contacts and checklists for health stations and GP offices, offline. The guidance text comes from the sources named with each article; the phone numbers are checked against the sources named with each contact.</translation>
    </message>
    <message>
        <source>Handbok åpner aldri en nettforbindelse. Lenker åpnes bare når du ber om det.</source>
        <translation>Handbok never opens a network connection. Links open only when you ask.</translation>
    </message>
    <message>
        <source>Om Handbok</source>
        <translation>About Handbok</translation>
    </message>
    <message>
        <source>Lokalt notat</source>
        <translation>Local note</translation>
    </message>
    <message>
        <source>Notat til avsnittet (for eksempel hvem dere ringer):</source>
        <translation>Note for the section (for example whom you call):</translation>
    </message>
    <message>
        <source>Vil du slette notatet?</source>
        <translation>Delete the note?</translation>
    </message>
    <message>
        <source>Kontakter</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Veiledning</source>
        <translation>Guidance</translation>
    </message>
    <message>
        <source>Sjekklister</source>
        <translation>Checklists</translation>
    </message>
    <message>
        <source>Bokmerker</source>
        <translation>Bookmarks</translation>
    </message>
    <message>
        <source>Historikk</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Deler av Handbok</source>
        <translation>Parts of Handbok</translation>
    </message>
    <message>
        <source>{name}: {done} av {total} punkter</source>
        <translation>{name}: {done} of {total} items</translation>
    </message>
    <message>
        <source>Startside</source>
        <translation>Start page</translation>
    </message>
    <message>
        <source>Handbok</source>
        <translation>Handbok</translation>
    </message>
    <message>
        <source>Åpner innholdet …</source>
        <translation>Opening the content …</translation>
    </message>
    <message>
        <source>Åpne hjelpetelefoner nå, kl. {clock}</source>
        <translation>Help lines open now, {clock}</translation>
    </message>
    <message>
        <source>Ingen av hjelpetelefonene i kontaktlisten er åpne nå.</source>
        <translation>None of the help lines in the contact list is open now.</translation>
    </message>
    <message>
        <source>Alle kontakter (Alt+3)</source>
        <translation>All contacts (Alt+3)</translation>
    </message>
    <message>
        <source>Kommunens egne kontakter</source>
        <translation>The municipality&apos;s own contacts</translation>
    </message>
    <message>
        <source>… og {count} til under Kontakter (Alt+3).</source>
        <translation>… and {count} more under Contacts (Alt+3).</translation>
    </message>
    <message>
        <source>Henter kommunens egne kontakter …</source>
        <translation>Reading the municipality&apos;s own contacts …</translation>
    </message>
    <message>
        <source>Kommunen har ikke lagt inn egne kontakter ennå. Under Kontakter kan du legge inn for eksempel frivilligsentralen og legevakten.</source>
        <translation>The municipality has not added contacts of its own yet. Under Contacts you can add, for example, the volunteer centre and the out-of-hours clinic.</translation>
    </message>
    <message>
        <source>Til pasienten</source>
        <translation>For the patient</translation>
    </message>
    <message>
        <source>Skriv til pasienten …</source>
        <translation>Write for the patient …</translation>
    </message>
    <message>
        <source>Et ark med numrene og rådene pasienten trenger (Ctrl+Shift+P)</source>
        <translation>A sheet with the numbers and advice the patient needs (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Sjekklister i arbeid</source>
        <translation>Checklists in progress</translation>
    </message>
    <message>
        <source>Sist lest</source>
        <translation>Read last</translation>
    </message>
    <message>
        <source>Det du åpner, kommer her.</source>
        <translation>What you open appears here.</translation>
    </message>
    <message>
        <source>Ingen bokmerker ennå (Ctrl+D).</source>
        <translation>No bookmarks yet (Ctrl+D).</translation>
    </message>
    <message>
        <source>Tilbake</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Fram</source>
        <translation>Forward</translation>
    </message>
    <message>
        <source>Bokmerke</source>
        <translation>Bookmark</translation>
    </message>
    <message>
        <source>Legg til eller fjern bokmerke (Ctrl+D)</source>
        <translation>Add or remove a bookmark (Ctrl+D)</translation>
    </message>
    <message>
        <source>Skriv ut</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Gå til {section}</source>
        <translation>Go to {section}</translation>
    </message>
    <message>
        <source>Neste område</source>
        <translation>Next area</translation>
    </message>
    <message>
        <source>Forrige område</source>
        <translation>Previous area</translation>
    </message>
    <message>
        <source>Finn på siden</source>
        <translation>Find on the page</translation>
    </message>
    <message>
        <source>Finn neste</source>
        <translation>Find next</translation>
    </message>
    <message>
        <source>Større tekst</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <source>Mindre tekst</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <source>Vanlig tekststørrelse</source>
        <translation>Normal text size</translation>
    </message>
    <message>
        <source>Avslutt</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Oppdater innhold fra fil …</source>
        <translation>Update content from a file …</translation>
    </message>
    <message>
        <source>Om innholdet …</source>
        <translation>About the content …</translation>
    </message>
    <message>
        <source>Verktøylinje</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>Meny</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Tekststørrelse, hjelp, innhold og avslutt</source>
        <translation>Text size, help, content and quit</translation>
    </message>
    <message>
        <source>Bokmerket</source>
        <translation>Bookmarked</translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <source>Bokmerker</source>
        <translation>Bookmarks</translation>
    </message>
    <message>
        <source>Åpne</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Åpne bokmerket</source>
        <translation>Open the bookmark</translation>
    </message>
    <message>
        <source>Notat …</source>
        <translation>Note …</translation>
    </message>
    <message>
        <source>Rediger notatet</source>
        <translation>Edit the note</translation>
    </message>
    <message>
        <source>Slett</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Slett bokmerket</source>
        <translation>Delete the bookmark</translation>
    </message>
    <message>
        <source>Eksporter …</source>
        <translation>Export …</translation>
    </message>
    <message>
        <source>Eksporter bokmerker</source>
        <translation>Export bookmarks</translation>
    </message>
    <message>
        <source>Importer …</source>
        <translation>Import …</translation>
    </message>
    <message>
        <source>Importer bokmerker</source>
        <translation>Import bookmarks</translation>
    </message>
    <message>
        <source>(finnes ikke lenger i innholdet)</source>
        <translation>(no longer in the content)</translation>
    </message>
    <message>
        <source>Ingen bokmerker ennå. Trykk Ctrl+D for å merke det du leser.</source>
        <translation>No bookmarks yet. Press Ctrl+D to bookmark what you are reading.</translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <source>Gjennomgang</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Ingen ennå: den første haken starter en</source>
        <translation>None yet: the first tick starts one</translation>
    </message>
    <message>
        <source>Ny gjennomgang</source>
        <translation>New run</translation>
    </message>
    <message>
        <source>Gi nytt navn</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Slett</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Slett gjennomgangen</source>
        <translation>Delete the run</translation>
    </message>
    <message>
        <source>Framdrift</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Gjennomgang:</source>
        <translation>Run:</translation>
    </message>
    <message>
        <source>Notat</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Notat til: {item}</source>
        <translation>Note on: {item}</translation>
    </message>
    <message>
        <source>{done} av {total} punkter</source>
        <translation>{done} of {total} items</translation>
    </message>
    <message>
        <source>Gjennomgang {date}</source>
        <translation>Run {date}</translation>
    </message>
    <message>
        <source>Navn på gjennomgangen (for eksempel gruppen eller stedet):</source>
        <translation>Name of the run (for example the group or the place):</translation>
    </message>
    <message>
        <source>Nytt navn:</source>
        <translation>New name:</translation>
    </message>
    <message>
        <source>Vil du slette «{name}» med alle avkrysninger og notater?</source>
        <translation>Do you want to delete «{name}» with all its ticks and notes?</translation>
    </message>
</context>
<context>
    <name>ChecklistsPanel</name>
    <message>
        <source>Sjekklister</source>
        <translation>Checklists</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Lag skriv til pasienten</source>
        <translation>Make a handout for the patient</translation>
    </message>
    <message>
        <source>Mal</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Innholdet i skrivet</source>
        <translation>Contents of the handout</translation>
    </message>
    <message>
        <source>Flytt opp</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Flytt ned</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Fjern</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Legg til</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Legg til det du leser</source>
        <translation>Add what you are reading</translation>
    </message>
    <message>
        <source>Papir</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>Stor skrift</source>
        <translation>Large print</translation>
    </message>
    <message>
        <source>Kommunens navn</source>
        <translation>The municipality&apos;s name</translation>
    </message>
    <message>
        <source>Linje til pasienten</source>
        <translation>Line for the patient</translation>
    </message>
    <message>
        <source>Skrives ut, men lagres ikke</source>
        <translation>Printed, but never stored</translation>
    </message>
    <message>
        <source>Avkrysninger fra gjennomgang</source>
        <translation>Ticks from a run</translation>
    </message>
    <message>
        <source>Merknader til skrivet</source>
        <translation>Notes on the handout</translation>
    </message>
    <message>
        <source>Forhåndsvisning</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Åpne PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <source>Vis i mappe</source>
        <translation>Show in folder</translation>
    </message>
    <message>
        <source>Skriv ut …</source>
        <translation>Print …</translation>
    </message>
    <message>
        <source>Lagre som PDF …</source>
        <translation>Save as PDF …</translation>
    </message>
    <message>
        <source>Lukk</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Til pasienten</source>
        <translation>For the patient</translation>
    </message>
    <message>
        <source>Avkrysninger</source>
        <translation>Ticks</translation>
    </message>
    <message>
        <source>Innhold i skrivet (i rekkefølge):</source>
        <translation>Content of the handout (in order):</translation>
    </message>
    <message>
        <source>Legg til:</source>
        <translation>Add:</translation>
    </message>
    <message>
        <source>Innhold i skrivet og innhold som kan legges til</source>
        <translation>Content of the handout and content that can be added</translation>
    </message>
    <message>
        <source>Skillelinje mellom innholdet i skrivet og det som kan legges til</source>
        <translation>Divider between the content of the handout and what can be added</translation>
    </message>
    <message>
        <source>Bytt mal</source>
        <translation>Change template</translation>
    </message>
    <message>
        <source>Du har lagt til {count} deler i skrivet. Vil du ta dem med over i «{title}»? Svarer du nei, blir de borte fra skrivet.</source>
        <translation>You have added {count} parts to the handout. Do you want to take them along to “{title}”? If you answer no, they are removed from the handout.</translation>
    </message>
    <message>
        <source>Lagret {pages} sider som {path}.</source>
        <translation>Saved {pages} pages as {path}.</translation>
    </message>
    <message>
        <source>Innstillinger og forhåndsvisning</source>
        <translation>Settings and preview</translation>
    </message>
    <message>
        <source>Skillelinje mellom innstillinger og forhåndsvisning</source>
        <translation>Divider between settings and preview</translation>
    </message>
    <message>
        <source>Kontakt: {name}</source>
        <translation>Contact: {name}</translation>
    </message>
    <message>
        <source>Sjekkliste: {title}</source>
        <translation>Checklist: {title}</translation>
    </message>
    <message>
        <source>Tekst: {heading}</source>
        <translation>Text: {heading}</translation>
    </message>
    <message>
        <source>Kontakt (for fagfolk): {name}</source>
        <translation>Contact (for professionals): {name}</translation>
    </message>
    <message>
        <source>Avsnitt (for fagfolk): {title}</source>
        <translation>Section (for professionals): {title}</translation>
    </message>
    <message>
        <source>Ingen (tomme bokser)</source>
        <translation>None (empty boxes)</translation>
    </message>
    <message>
        <source>Kontroller før utskrift:</source>
        <translation>Check before printing:</translation>
    </message>
    <message>
        <source>Skrives ikke ut: {name} har ingen telefon, e-post eller nettadresse i Handbok. Legg inn kommunens egen som lokal kontakt, og legg den til.</source>
        <translation>Not printed: {name} has no phone, e-mail or web address in Handbok. Enter the municipality&apos;s own as a local contact, and add that one.</translation>
    </message>
    <message>
        <source>Skrevet for fagfolk</source>
        <translation>Written for professionals</translation>
    </message>
    <message>
        <source>«{title}» er skrevet for fagfolk, ikke for pasienter, og kan ha faguttrykk og forkortelser. Vil du likevel ha det med i skrivet?</source>
        <translation>“{title}” is written for professionals, not for patients, and may contain technical terms and abbreviations. Do you want it in the handout anyway?</translation>
    </message>
    <message>
        <source>Skriv ut</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Lagre som PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Kunne ikke lagre {path} ({reason}).</source>
        <translation>Could not save {path} ({reason}).</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <source>Rediger lokal kontakt</source>
        <translation>Edit local contact</translation>
    </message>
    <message>
        <source>Ny lokal kontakt</source>
        <translation>New local contact</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisasjon</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>text message</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Nettside</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Åpningstider</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <source>for eksempel: mandag–fredag 8–15.30</source>
        <translation>for example: mandag–fredag 8–15.30</translation>
    </message>
    <message>
        <source>Åpningstiden slik Handbok forstår den</source>
        <translation>The opening hours as Handbok understands them</translation>
    </message>
    <message>
        <source>Område</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Beskrivelse</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Kilde</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>for eksempel: kommunens nettside</source>
        <translation>for example: the municipality&apos;s website</translation>
    </message>
    <message>
        <source>For</source>
        <translation>For</translation>
    </message>
</context>
<context>
    <name>ContactsPanel</name>
    <message>
        <source>Alle kategorier</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Alle målgrupper</source>
        <translation>All audiences</translation>
    </message>
    <message>
        <source>Målgruppe</source>
        <translation>Audience</translation>
    </message>
    <message>
        <source>Alle kanaler</source>
        <translation>All channels</translation>
    </message>
    <message>
        <source>Kanal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Alle områder</source>
        <translation>All regions</translation>
    </message>
    <message>
        <source>Område</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Bare de som er åpne nå</source>
        <translation>Only those open now</translation>
    </message>
    <message>
        <source>Bare åpne nå</source>
        <translation>Only open now</translation>
    </message>
    <message>
        <source>Kontakter</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Skriv ut listen</source>
        <translation>Print the list</translation>
    </message>
    <message>
        <source>Skriv ut kontaktlisten</source>
        <translation>Print the contact list</translation>
    </message>
    <message>
        <source>Ny lokal kontakt …</source>
        <translation>New local contact …</translation>
    </message>
    <message>
        <source>Rediger …</source>
        <translation>Edit …</translation>
    </message>
    <message>
        <source>Slett</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Importer CSV …</source>
        <translation>Import CSV …</translation>
    </message>
    <message>
        <source>Eksporter CSV …</source>
        <translation>Export CSV …</translation>
    </message>
    <message>
        <source>Henter kontaktene …</source>
        <translation>Reading the contacts …</translation>
    </message>
    <message>
        <source>Kontaktlisten kunne ikke leses. Søk finner dem likevel.</source>
        <translation>The contact list could not be read. Search still finds them.</translation>
    </message>
    <message>
        <source>Kontrollert for over ett år siden</source>
        <translation>Verified more than a year ago</translation>
    </message>
    <message>
        <source>Viser {shown} av {count} kontakter – velg kategori eller område, eller søk, for å finne flere.</source>
        <translation>Showing {shown} of {count} contacts – choose a category or area, or search, to find more.</translation>
    </message>
    <message>
        <source>Ingen kontakter passer til filtrene.</source>
        <translation>No contacts match the filters.</translation>
    </message>
</context>
<context>
    <name>ContentPicker</name>
    <message>
        <source>Søk i innhold som kan legges til</source>
        <translation>Search content that can be added</translation>
    </message>
    <message>
        <source>Søk: kontakt, avsnitt eller sjekkliste</source>
        <translation>Search: contact, section or checklist</translation>
    </message>
    <message>
        <source>Innhold som kan legges til</source>
        <translation>Content that can be added</translation>
    </message>
    <message>
        <source>for fagfolk</source>
        <translation>for professionals</translation>
    </message>
    <message>
        <source>Kontakter</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Kommunens egne kontakter kunne ikke søkes i nå.</source>
        <translation>The municipality&apos;s own contacts could not be searched just now.</translation>
    </message>
    <message>
        <source>Skriv i søkefeltet for å finne kommunens egne kontakter.</source>
        <translation>Type in the search field to find the municipality&apos;s own contacts.</translation>
    </message>
    <message>
        <source>Veiledning (skrevet for fagfolk)</source>
        <translation>Guidance (written for professionals)</translation>
    </message>
    <message>
        <source>Sjekklister</source>
        <translation>Checklists</translation>
    </message>
    <message>
        <source>Ingen av kommunens egne kontakter passer.</source>
        <translation>None of the municipality&apos;s own contacts match.</translation>
    </message>
</context>
<context>
    <name>GuidePanel</name>
    <message>
        <source>Veiledning</source>
        <translation>Guidance</translation>
    </message>
    <message>
        <source>Veiledning med innholdsfortegnelse</source>
        <translation>Guidance with table of contents</translation>
    </message>
</context>
<context>
    <name>Handbok</name>
    <message>
        <source>Fant ingenting med id «{id}».</source>
        <translation>Found nothing with the id «{id}».</translation>
    </message>
    <message>
        <source>Filen med bokmerker, historikk og sjekklister var skadet og kunne ikke brukes. Den er tatt vare på som {path}, og Handbok har laget en ny, tom fil.</source>
        <translation>The file with bookmarks, history and checklists was damaged and could not be used. It has been kept as {path}, and Handbok has created a new, empty file.</translation>
    </message>
    <message>
        <source>Filen med bokmerker, historikk og sjekklister er lagret av en nyere versjon av Handbok. Den er tatt vare på som {path}, og denne versjonen har laget en ny, tom fil.</source>
        <translation>The file with bookmarks, history and checklists was saved by a newer version of Handbok. It has been kept as {path}, and this version has created a new, empty file.</translation>
    </message>
    <message>
        <source>Kunne ikke {action}: disken er full.</source>
        <translation>Could not {action}: the disk is full.</translation>
    </message>
    <message>
        <source>Kunne ikke {action}: Handbok får ikke skrive i mappen {folder}.</source>
        <translation>Could not {action}: Handbok is not allowed to write in the folder {folder}.</translation>
    </message>
    <message>
        <source>Kunne ikke {action}: et annet vindu av Handbok bruker filen. Prøv igjen om litt.</source>
        <translation>Could not {action}: another Handbok window is using the file. Try again in a moment.</translation>
    </message>
    <message>
        <source>Kunne ikke {action}: filen med brukerdata er skadet. Start Handbok på nytt, så tas den vare på og en ny fil lages.</source>
        <translation>Could not {action}: the user data file is damaged. Restart Handbok; it will be kept and a new file created.</translation>
    </message>
    <message>
        <source>Kunne ikke {action}: feil på disken ({reason}).</source>
        <translation>Could not {action}: disk error ({reason}).</translation>
    </message>
    <message>
        <source>lese brukerdataene</source>
        <translation>read the user data</translation>
    </message>
    <message>
        <source>Kunne ikke {action} ({reason}).</source>
        <translation>Could not {action} ({reason}).</translation>
    </message>
    <message>
        <source>En nyere versjon av Handbok bruker filen med brukerdata. Lukk den før du åpner denne versjonen.</source>
        <translation>A newer version of Handbok is using the user data file. Close it before you open this version.</translation>
    </message>
    <message>
        <source>Filen med brukerdata {path} kan ikke brukes, og den kunne ikke flyttes til side ({reason}). Lukk andre vinduer av Handbok og prøv igjen.</source>
        <translation>The user data file {path} cannot be used, and it could not be moved aside ({reason}). Close other Handbok windows and try again.</translation>
    </message>
    <message>
        <source>åpne brukerdataene</source>
        <translation>open the user data</translation>
    </message>
    <message>
        <source>Kontakten må ha et navn.</source>
        <translation>The contact must have a name.</translation>
    </message>
    <message>
        <source>Velg en kategori for kontakten ({allowed}).</source>
        <translation>Choose a category for the contact ({allowed}).</translation>
    </message>
    <message>
        <source>Ukjent kategori «{value}» (bruk {allowed}).</source>
        <translation>Unknown category «{value}» (use {allowed}).</translation>
    </message>
    <message>
        <source>Ukjent målgruppe «{value}» (bruk {allowed}).</source>
        <translation>Unknown audience «{value}» (use {allowed}).</translation>
    </message>
    <message>
        <source>Feltet {column} har et usynlig kontrolltegn ({char}) som ikke kan lagres. Skriv teksten inn på nytt, eller fjern tegnet i regnearket.</source>
        <translation>The field {column} holds an invisible control character ({char}) that cannot be saved. Type the text again, or remove the character in the spreadsheet.</translation>
    </message>
    <message>
        <source>Åpningstiden kan ikke leses: {what}.</source>
        <translation>The opening hours cannot be read: {what}.</translation>
    </message>
    <message>
        <source>Ukjent kanal «{value}» (bruk {allowed}).</source>
        <translation>Unknown channel «{value}» (use {allowed}).</translation>
    </message>
    <message>
        <source>Kanalen «{type}» mangler nummer eller adresse.</source>
        <translation>The channel «{type}» has no number or address.</translation>
    </message>
    <message>
        <source>«{value}» har fire sifre og er ikke et telefonnummer. Har regnearket tatt bort nullen foran? Femsifrede numre skrives med 0 først, som 0{digits}.</source>
        <translation>«{value}» has four digits and is not a phone number. Did the spreadsheet drop the leading zero? Five-digit numbers are written with a 0 first, like 0{digits}.</translation>
    </message>
    <message>
        <source>«{value}» er ikke et norsk telefonnummer. Skriv åtte sifre, som 22 40 00 40, eller et kort nummer, som 113, 1881 eller 116 123.</source>
        <translation>«{value}» is not a Norwegian phone number. Write eight digits, like 22 40 00 40, or a short number, like 113, 1881 or 116 123.</translation>
    </message>
    <message>
        <source>«{value}» er ikke en e-postadresse (skriv f.eks. post@kommune.no).</source>
        <translation>«{value}» is not an e-mail address (write e.g. post@kommune.no).</translation>
    </message>
    <message>
        <source>«{value}» er ikke en nettadresse (skriv f.eks. selvhjelp.no, uten mellomrom).</source>
        <translation>«{value}» is not a web address (write e.g. selvhjelp.no, without spaces).</translation>
    </message>
    <message>
        <source>«{id}» er ikke et avsnitt i veiledningen (skriv artikkel-id#anker).</source>
        <translation>«{id}» is not a section of the guidance (write article-id#anchor).</translation>
    </message>
    <message>
        <source>Notatet har et usynlig kontrolltegn som ikke kan lagres. Skriv det på nytt.</source>
        <translation>The note holds an invisible control character that cannot be saved. Type it again.</translation>
    </message>
    <message>
        <source>Notatet er tomt.</source>
        <translation>The note is empty.</translation>
    </message>
    <message>
        <source>Filen med lokale kontakter og notater var skadet og kunne ikke brukes. Den er tatt vare på som {path}, og Handbok har laget en ny, tom fil.</source>
        <translation>The file with local contacts and notes was damaged and could not be used. It has been kept as {path}, and Handbok has created a new, empty file.</translation>
    </message>
    <message>
        <source>Filen med lokale kontakter og notater er lagret av en nyere versjon av Handbok. Den er tatt vare på som {path}, og denne versjonen har laget en ny, tom fil.</source>
        <translation>The file with local contacts and notes was saved by a newer version of Handbok. It has been kept as {path}, and this version has created a new, empty file.</translation>
    </message>
    <message>
        <source>Filen med lokale kontakter ser ut til å være skadet, så lokale treff kan mangle. Start Handbok, så tas filen vare på og den siste gode kopien hentes fram.</source>
        <translation>The file with local contacts seems to be damaged, so local results may be missing. Start Handbok, and the file will be kept aside and the last good copy brought back.</translation>
    </message>
    <message>
        <source>En nyere versjon av Handbok bruker filen med lokale kontakter. Lukk den før du åpner denne versjonen.</source>
        <translation>A newer version of Handbok is using the file with local contacts. Close it before you open this version.</translation>
    </message>
    <message>
        <source>åpne de lokale kontaktene</source>
        <translation>open the local contacts</translation>
    </message>
    <message>
        <source>Kunne ikke lage mappen for brukerdata {folder} ({reason}).</source>
        <translation>Could not create the user data folder {folder} ({reason}).</translation>
    </message>
    <message>
        <source>Filen med brukerdata {path} endres hele tiden av et annet program.</source>
        <translation>The user data file {path} keeps being changed by another program.</translation>
    </message>
    <message>
        <source>Filen med lokale kontakter og notater var skadet. Handbok har hentet fram den siste gode kopien, fra {time}; det som ble lagret etter det, kan mangle. Den skadde filen er tatt vare på som {path}.</source>
        <translation>The file with local contacts and notes was damaged. Handbok has brought back the last good copy, from {time}; what was saved after that may be missing. The damaged file has been kept as {path}.</translation>
    </message>
    <message>
        <source>Handbok får ikke skrive i mappen {folder}. Du ser de lokale kontaktene og notatene som er lagret der, men endringer kan ikke lagres.</source>
        <translation>Handbok may not write to the folder {folder}. You see the local contacts and notes saved there, but changes cannot be saved.</translation>
    </message>
    <message>
        <source>Det som ble lagret, kan ikke leses tilbake: filen med lokale kontakter ser ikke ut som Handboks egen. Start Handbok på nytt, så tas den vare på og en ny fil lages.</source>
        <translation>What was saved cannot be read back: the file with local contacts does not look like Handbok&apos;s own. Start Handbok again; it will be kept aside and a new file made.</translation>
    </message>
    <message>
        <source>lagre kontakten</source>
        <translation>save the contact</translation>
    </message>
    <message>
        <source>slette kontakten</source>
        <translation>delete the contact</translation>
    </message>
    <message>
        <source>importere kontaktene</source>
        <translation>import the contacts</translation>
    </message>
    <message>
        <source>Kontakten «{id}» finnes ikke lenger. Den kan være slettet i et annet vindu.</source>
        <translation>The contact «{id}» no longer exists. It may have been deleted in another window.</translation>
    </message>
    <message>
        <source>Notatet finnes ikke lenger. Det kan være slettet i et annet vindu.</source>
        <translation>The note no longer exists. It may have been deleted in another window.</translation>
    </message>
    <message>
        <source>slette notatet</source>
        <translation>delete the note</translation>
    </message>
    <message>
        <source>filen skal være felt med verdier, som «municipality: Hamar kommune»</source>
        <translation>the file must be fields with values, like «municipality: Hamar kommune»</translation>
    </message>
    <message>
        <source>filen har versjon {found}, men denne versjonen av Handbok leser {wanted}</source>
        <translation>the file has version {found}, but this version of Handbok reads {wanted}</translation>
    </message>
    <message>
        <source>filen finnes ikke</source>
        <translation>the file does not exist</translation>
    </message>
    <message>
        <source>logoen «{name}» skal være et bilde i PNG, JPEG, GIF eller BMP (ikke SVG)</source>
        <translation>the logo «{name}» must be a PNG, JPEG, GIF or BMP image (not SVG)</translation>
    </message>
    <message>
        <source>fant ikke logoen «{name}» ved siden av filen</source>
        <translation>could not find the logo «{name}» beside the file</translation>
    </message>
    <message>
        <source>logoen «{name}» er ikke et bilde i PNG, JPEG, GIF eller BMP, eller den er større enn {limit} MB</source>
        <translation>the logo «{name}» is not a PNG, JPEG, GIF or BMP image, or it is larger than {limit} MB</translation>
    </message>
    <message>
        <source>«{key}» skal være en liste der hvert punkt har felt</source>
        <translation>«{key}» must be a list in which every item has fields</translation>
    </message>
    <message>
        <source>feltet «verified» skal være datoen opplysningene ble kontrollert, som 2026-11-22</source>
        <translation>the field «verified» must be the date the details were checked, like 2026-11-22</translation>
    </message>
    <message>
        <source>id «{id}» kan ikke brukes; skriv f.eks. lokal-navn</source>
        <translation>the id «{id}» cannot be used; write e.g. lokal-name</translation>
    </message>
    <message>
        <source>id «{id}» er brukt før i filen</source>
        <translation>the id «{id}» is already used in the file</translation>
    </message>
    <message>
        <source>lagre bokmerket</source>
        <translation>save the bookmark</translation>
    </message>
    <message>
        <source>lagre notatet</source>
        <translation>save the note</translation>
    </message>
    <message>
        <source>Filen med bokmerker, historikk og sjekklister var skadet. Handbok har hentet fram den siste gode kopien, fra {time}; det som ble lagret etter det, kan mangle. Den skadde filen er tatt vare på som {path}.</source>
        <translation>The file with bookmarks, history and checklists was damaged. Handbok has brought back the last good copy, from {time}; what was saved after that may be missing. The damaged file has been kept as {path}.</translation>
    </message>
    <message>
        <source>Handbok får ikke skrive i mappen {folder}. Du ser bokmerkene, historikken og sjekklistene som er lagret der, men endringer kan ikke lagres.</source>
        <translation>Handbok may not write to the folder {folder}. You see the bookmarks, history and checklists saved there, but changes cannot be saved.</translation>
    </message>
    <message>
        <source>Det som ble lagret, kan ikke leses tilbake: filen med brukerdata ser ikke ut som Handboks egen. Start Handbok på nytt, så tas den vare på og en ny fil lages.</source>
        <translation>What was saved cannot be read back: the user data file does not look like Handbok&apos;s own. Start Handbok again; it will be kept aside and a new file made.</translation>
    </message>
    <message>
        <source>Bokmerket «{id}» finnes ikke lenger.</source>
        <translation>The bookmark «{id}» no longer exists.</translation>
    </message>
    <message>
        <source>slette bokmerket</source>
        <translation>delete the bookmark</translation>
    </message>
    <message>
        <source>importere bokmerkene</source>
        <translation>import the bookmarks</translation>
    </message>
    <message>
        <source>oppdatere historikken</source>
        <translation>update the history</translation>
    </message>
    <message>
        <source>tømme historikken</source>
        <translation>clear the history</translation>
    </message>
    <message>
        <source>lagre sjekklisten</source>
        <translation>save the checklist</translation>
    </message>
    <message>
        <source>endre navnet</source>
        <translation>rename</translation>
    </message>
    <message>
        <source>slette sjekklisten</source>
        <translation>delete the checklist</translation>
    </message>
    <message>
        <source>lagre avkrysningen</source>
        <translation>save the tick</translation>
    </message>
    <message>
        <source>Denne gjennomgangen av sjekklisten finnes ikke lenger. Den kan være slettet i et annet vindu.</source>
        <translation>This run of the checklist no longer exists. It may have been deleted in another window.</translation>
    </message>
    <message>
        <source>lagre innstillingen</source>
        <translation>save the setting</translation>
    </message>
    <message>
        <source>Kunne ikke bygge innholdet i {folder}: {reason}.</source>
        <translation>Could not build the content in {folder}: {reason}.</translation>
    </message>
    <message>
        <source>innholdsmappen finnes ikke</source>
        <translation>the content folder does not exist</translation>
    </message>
    <message>
        <source>fant ingen artikler (*.md)</source>
        <translation>found no articles (*.md)</translation>
    </message>
    <message>
        <source>filen er ikke lagret som UTF-8</source>
        <translation>the file is not saved as UTF-8</translation>
    </message>
    <message>
        <source>kan ikke lese filen ({reason})</source>
        <translation>cannot read the file ({reason})</translation>
    </message>
    <message>
        <source>ugyldig YAML: {what}</source>
        <translation>invalid YAML: {what}</translation>
    </message>
    <message>
        <source>mangler feltet «{key}»</source>
        <translation>the field «{key}» is missing</translation>
    </message>
    <message>
        <source>filen er for stor (over {limit} MB); den blir ikke lest</source>
        <translation>the file is too big (over {limit} MB); it is not read</translation>
    </message>
    <message>
        <source>feltet «{key}» skal være tekst</source>
        <translation>the field «{key}» must be text</translation>
    </message>
    <message>
        <source>feltet «{key}» skal være en dato som 2026-11-22, ikke «{value}»</source>
        <translation>the field «{key}» must be a date like 2026-11-22, not «{value}»</translation>
    </message>
    <message>
        <source>feltet «{key}» skal være en liste med tekster</source>
        <translation>the field «{key}» must be a list of texts</translation>
    </message>
    <message>
        <source>id «{id}» kan bare ha små bokstaver a-z, sifre og bindestrek</source>
        <translation>the id «{id}» may only have lower-case letters a-z, digits and hyphens</translation>
    </message>
    <message>
        <source>id «{id}» skal være lik filnavnet «{stem}»</source>
        <translation>the id «{id}» must be the same as the file name «{stem}»</translation>
    </message>
    <message>
        <source>filen med kontrollerte telefonnumre mangler</source>
        <translation>the file of verified phone numbers is missing</translation>
    </message>
    <message>
        <source>nummeret «{number}» står ikke i verified-numbers.yaml</source>
        <translation>the number «{number}» is not in verified-numbers.yaml</translation>
    </message>
    <message>
        <source>skriv nummeret gruppert slik det ringes: «{written}», ikke «{number}»</source>
        <translation>write the number grouped as it is dialled: «{written}», not «{number}»</translation>
    </message>
    <message>
        <source>filen skal begynne med et YAML-hode mellom to «---»</source>
        <translation>the file must start with a YAML header between two «---»</translation>
    </message>
    <message>
        <source>YAML-hodet er ikke avsluttet med «---»</source>
        <translation>the YAML header is not closed with «---»</translation>
    </message>
    <message>
        <source>YAML-hodet skal være felt med verdier (nøkkel: verdi)</source>
        <translation>the YAML header must be fields with values (key: value)</translation>
    </message>
    <message>
        <source>ukjent felt «{key}» i hodet</source>
        <translation>unknown field «{key}» in the header</translation>
    </message>
    <message>
        <source>overskriften mangler anker, skriv «## Tittel {{#anker}}»</source>
        <translation>the heading has no anchor, write «## Title {{#anchor}}»</translation>
    </message>
    <message>
        <source>ankeret «{anchor}» kan bare ha små bokstaver a-z, sifre og bindestrek</source>
        <translation>the anchor «{anchor}» may only have lower-case letters a-z, digits and hyphens</translation>
    </message>
    <message>
        <source>bruk «##» for avsnitt; tittelen står i hodet</source>
        <translation>use «##» for sections; the title is in the header</translation>
    </message>
    <message>
        <source>ankeret «{anchor}» er brukt før i artikkelen</source>
        <translation>the anchor «{anchor}» is already used in the article</translation>
    </message>
    <message>
        <source>avsnittet «{heading}» er tomt</source>
        <translation>the section «{heading}» is empty</translation>
    </message>
    <message>
        <source>lenken «{target}» skal begynne med https://, kontakt:, artikkel: eller sjekkliste:</source>
        <translation>the link «{target}» must start with https://, kontakt:, artikkel: or sjekkliste:</translation>
    </message>
    <message>
        <source>bildet «{target}» kan ikke brukes: innholdet kan ikke ha bilder; skriv en lenke i stedet, som [tekst](https://...)</source>
        <translation>the image «{target}» cannot be used: the content cannot have images; write a link instead, like [text](https://...)</translation>
    </message>
    <message>
        <source>kontaktlisten mangler</source>
        <translation>the contact list is missing</translation>
    </message>
    <message>
        <source>kontaktlisten skal være en liste («- id: ...»)</source>
        <translation>the contact list must be a list («- id: ...»)</translation>
    </message>
    <message>
        <source>hver kontakt skal være felt med verdier</source>
        <translation>each contact must be fields with values</translation>
    </message>
    <message>
        <source>id «{id}» kan ikke begynne med «lokal-»: det er for kommunens kontakter</source>
        <translation>id «{id}» cannot begin with «lokal-»: that is for the municipality&apos;s contacts</translation>
    </message>
    <message>
        <source>ukjent kategori «{value}» (bruk {allowed})</source>
        <translation>unknown category «{value}» (use {allowed})</translation>
    </message>
    <message>
        <source>ukjent målgruppe «{value}» (bruk {allowed})</source>
        <translation>unknown audience «{value}» (use {allowed})</translation>
    </message>
    <message>
        <source>ukjent felt «{key}»</source>
        <translation>unknown field «{key}»</translation>
    </message>
    <message>
        <source>feltet «channels» skal være en liste</source>
        <translation>the field «channels» must be a list</translation>
    </message>
    <message>
        <source>hver kanal skal ha «type» og «value»</source>
        <translation>each channel must have «type» and «value»</translation>
    </message>
    <message>
        <source>ukjent kanal «{value}» (bruk {allowed})</source>
        <translation>unknown channel «{value}» (use {allowed})</translation>
    </message>
    <message>
        <source>«{value}» er ikke en e-postadresse</source>
        <translation>«{value}» is not an e-mail address</translation>
    </message>
    <message>
        <source>skriv nettadressen uten https:// og mellomrom, som «selvhjelp.no»</source>
        <translation>write the web address without https:// and spaces, like «selvhjelp.no»</translation>
    </message>
    <message>
        <source>sjekklisten skal være felt med verdier (nøkkel: verdi)</source>
        <translation>the checklist must be fields with values (key: value)</translation>
    </message>
    <message>
        <source>sjekklisten skal ha en liste «items» med punkter</source>
        <translation>the checklist must have a list «items» of items</translation>
    </message>
    <message>
        <source>hvert punkt skal ha «id» og «text»</source>
        <translation>each item must have «id» and «text»</translation>
    </message>
    <message>
        <source>punktet «{id}» finnes fra før i listen</source>
        <translation>the item «{id}» is already in the list</translation>
    </message>
    <message>
        <source>hver synonymgruppe skal være en liste med minst to ord</source>
        <translation>each synonym group must be a list of at least two words</translation>
    </message>
    <message>
        <source>malen skal være felt med verdier (nøkkel: verdi)</source>
        <translation>the template must be fields with values (key: value)</translation>
    </message>
    <message>
        <source>feltet «blocks» skal være en liste</source>
        <translation>the field «blocks» must be a list</translation>
    </message>
    <message>
        <source>hver blokk skal ha «type»</source>
        <translation>each block must have «type»</translation>
    </message>
    <message>
        <source>ukjent blokktype «{value}» (bruk {allowed})</source>
        <translation>unknown block type «{value}» (use {allowed})</translation>
    </message>
    <message>
        <source>blokken viser til «{id}», som ikke finnes</source>
        <translation>the block refers to «{id}», which does not exist</translation>
    </message>
    <message>
        <source>kilden «{source}» er ingen artikkel eller kontakt</source>
        <translation>the source «{source}» is not an article or a contact</translation>
    </message>
    <message>
        <source>id «{id}» er brukt før ({other})</source>
        <translation>the id «{id}» is already used ({other})</translation>
    </message>
    <message>
        <source>lenken «{target}» peker på noe som ikke finnes</source>
        <translation>the link «{target}» points at something that does not exist</translation>
    </message>
    <message>
        <source>kilden «{source}» er ingen artikkel</source>
        <translation>the source «{source}» is not an article</translation>
    </message>
    <message>
        <source>punktet «{item}» viser til «{source}», som ikke er et avsnitt</source>
        <translation>the item «{item}» refers to «{source}», which is not a section</translation>
    </message>
    <message>
        <source>døgnåpen</source>
        <translation>open 24 hours</translation>
    </message>
    <message>
        <source>åpningstid må være «døgnåpen» eller en liste med regler</source>
        <translation>opening hours must be «døgnåpen» or a list of rules</translation>
    </message>
    <message>
        <source>ukjent dag «{day}» (bruk {days})</source>
        <translation>unknown day «{day}» (use {days})</translation>
    </message>
    <message>
        <source>dagene i «{rule}» står i feil rekkefølge</source>
        <translation>the days in «{rule}» are in the wrong order</translation>
    </message>
    <message>
        <source>klokkeslettet i «{rule}» finnes ikke</source>
        <translation>the time in «{rule}» does not exist</translation>
    </message>
    <message>
        <source>«{rule}» åpner og stenger samtidig</source>
        <translation>«{rule}» opens and closes at the same time</translation>
    </message>
    <message>
        <source>nødnummer</source>
        <translation>emergency number</translation>
    </message>
    <message>
        <source>hjelpetelefon</source>
        <translation>help line</translation>
    </message>
    <message>
        <source>organisasjon</source>
        <translation>organisation</translation>
    </message>
    <message>
        <source>kompetansesenter</source>
        <translation>competence centre</translation>
    </message>
    <message>
        <source>kommunal tjeneste</source>
        <translation>municipal service</translation>
    </message>
    <message>
        <source>barn og unge</source>
        <translation>children and young people</translation>
    </message>
    <message>
        <source>voksne</source>
        <translation>adults</translation>
    </message>
    <message>
        <source>pårørende</source>
        <translation>next of kin</translation>
    </message>
    <message>
        <source>etterlatte</source>
        <translation>the bereaved</translation>
    </message>
    <message>
        <source>fagfolk</source>
        <translation>professionals</translation>
    </message>
    <message>
        <source>telefon</source>
        <translation>phone</translation>
    </message>
    <message>
        <source>chat</source>
        <translation>chat</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>text message</translation>
    </message>
    <message>
        <source>nettside</source>
        <translation>website</translation>
    </message>
    <message>
        <source>hele landet</source>
        <translation>whole country</translation>
    </message>
    <message>
        <source>lokalt</source>
        <translation>local</translation>
    </message>
    <message>
        <source>Nord</source>
        <translation>North</translation>
    </message>
    <message>
        <source>Midt</source>
        <translation>Central</translation>
    </message>
    <message>
        <source>Vest</source>
        <translation>West</translation>
    </message>
    <message>
        <source>Sør</source>
        <translation>South</translation>
    </message>
    <message>
        <source>Øst</source>
        <translation>East</translation>
    </message>
    <message>
        <source>e-post</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>Søkeindeksen kan ikke åpnes ({reason}).</source>
        <translation>The search index cannot be opened ({reason}).</translation>
    </message>
    <message>
        <source>Ukjent type «{kind}».</source>
        <translation>Unknown kind «{kind}».</translation>
    </message>
    <message>
        <source>Fant ikke innholdsdatabasen i {folder}.</source>
        <translation>Could not find the content database in {folder}.</translation>
    </message>
    <message>
        <source>Innholdsdatabasen er skadet og kan ikke leses ({reason}).</source>
        <translation>The content database is damaged and cannot be read ({reason}).</translation>
    </message>
    <message>
        <source>Innholdsdatabasen har et annet format ({found}) enn programmet ({wanted}).</source>
        <translation>The content database has a different format ({found}) from the program ({wanted}).</translation>
    </message>
    <message>
        <source>Fant ingen mal for skriv med id «{id}».</source>
        <translation>Found no handout template with the id «{id}».</translation>
    </message>
    <message>
        <source>Fant ingen artikkel med id «{id}».</source>
        <translation>Found no article with the id «{id}».</translation>
    </message>
    <message>
        <source>Fant ikke avsnittet «{id}».</source>
        <translation>Could not find the section «{id}».</translation>
    </message>
    <message>
        <source>Fant ingen kontakt med id «{id}».</source>
        <translation>Found no contact with the id «{id}».</translation>
    </message>
    <message>
        <source>Fant ingen sjekkliste med id «{id}».</source>
        <translation>Found no checklist with the id «{id}».</translation>
    </message>
    <message>
        <source>Rad {row}: {message}</source>
        <translation>Row {row}: {message}</translation>
    </message>
    <message>
        <source>Kunne ikke lagre kontaktlisten i {file}: disken er full.</source>
        <translation>Could not save the contact list in {file}: the disk is full.</translation>
    </message>
    <message>
        <source>Kunne ikke lagre kontaktlisten i {file}: Handbok får ikke skrive i {folder}.</source>
        <translation>Could not save the contact list in {file}: Handbok is not allowed to write in {folder}.</translation>
    </message>
    <message>
        <source>Kunne ikke lagre kontaktlisten: mappen {folder} finnes ikke.</source>
        <translation>Could not save the contact list: the folder {folder} does not exist.</translation>
    </message>
    <message>
        <source>Kunne ikke lagre kontaktlisten i {file} ({reason}).</source>
        <translation>Could not save the contact list in {file} ({reason}).</translation>
    </message>
    <message>
        <source>Fant ikke filen {file}.</source>
        <translation>Could not find the file {file}.</translation>
    </message>
    <message>
        <source>Handbok får ikke lese filen {file}.</source>
        <translation>Handbok is not allowed to read the file {file}.</translation>
    </message>
    <message>
        <source>Kunne ikke lese filen {file} ({reason}).</source>
        <translation>Could not read the file {file} ({reason}).</translation>
    </message>
    <message>
        <source>Filen {file} er for stor til å være en kontaktliste.</source>
        <translation>The file {file} is too large to be a contact list.</translation>
    </message>
    <message>
        <source>Filen {file} har mer enn {limit} rader; så mange kontakter kan ikke importeres på én gang. Del den opp i flere filer.</source>
        <translation>The file {file} has more than {limit} rows; that many contacts cannot be imported at once. Split it into several files.</translation>
    </message>
    <message>
        <source>Filen {file} har en celle på rad {row} med mer enn {limit} tegn; så lang tekst kan ikke være i en kontakt. Rett cellen og prøv igjen.</source>
        <translation>The file {file} has a cell on row {row} with more than {limit} characters; a contact cannot hold text that long. Correct the cell and try again.</translation>
    </message>
    <message>
        <source>Filen {file} kan ikke leses som CSV (rad {row}). Lagre den på nytt fra regnearket som «CSV (semikolondelt)».</source>
        <translation>The file {file} cannot be read as CSV (row {row}). Save it again from the spreadsheet as &quot;CSV (semicolon delimited)&quot;.</translation>
    </message>
    <message>
        <source>Filen {file} er ikke en tekstfil.</source>
        <translation>The file {file} is not a text file.</translation>
    </message>
    <message>
        <source>Filen {file} ser ikke ut som en kontaktliste: den første linjen skal ha overskriftene {header}.</source>
        <translation>The file {file} does not look like a contact list: the first line must have the headings {header}.</translation>
    </message>
    <message>
        <source>«{value}» i kolonnen Id kan ikke brukes som id (skriv f.eks. lokal-frivilligsentralen eller la cellen stå tom).</source>
        <translation>«{value}» in the Id column cannot be used as an id (write e.g. lokal-frivilligsentralen or leave the cell empty).</translation>
    </message>
    <message>
        <source>«{value}» i kolonnen Kontrollert er ikke en dato (skriv f.eks. 22.11.2026).</source>
        <translation>«{value}» in the Kontrollert column is not a date (write e.g. 22.11.2026).</translation>
    </message>
    <message>
        <source>Kan ikke lese «{text}» i kolonnen {column}: en parentes er ikke lukket. Skriv f.eks. «22 40 00 40 (sentralbord) [man-fre 08:00-15:30]».</source>
        <translation>Cannot read «{text}» in the column {column}: a parenthesis is not closed. Write e.g. «22 40 00 40 (sentralbord) [man-fre 08:00-15:30]».</translation>
    </message>
    <message>
        <source>Kan ikke lese «{text}» i kolonnen {column}: en hakeparentes er ikke lukket. Skriv f.eks. «22 40 00 40 (sentralbord) [man-fre 08:00-15:30]».</source>
        <translation>Cannot read «{text}» in the column {column}: a square bracket is not closed. Write e.g. «22 40 00 40 (sentralbord) [man-fre 08:00-15:30]».</translation>
    </message>
    <message>
        <source>Kan ikke lese «{text}» i kolonnen {column}: det står noe etter parentesen. Skriv f.eks. «22 40 00 40 (sentralbord) [man-fre 08:00-15:30]», og komma mellom flere.</source>
        <translation>Cannot read «{text}» in the column {column}: something follows the parenthesis. Write e.g. «22 40 00 40 (sentralbord) [man-fre 08:00-15:30]», with commas between several.</translation>
    </message>
    <message>
        <source>Filen {file} er for stor til å være en bokmerkefil.</source>
        <translation>The file {file} is too large to be a bookmark file.</translation>
    </message>
    <message>
        <source>Filen {file} er ikke en tekstfil i UTF-8, så den kan ikke leses som bokmerker.</source>
        <translation>The file {file} is not a UTF-8 text file, so it cannot be read as bookmarks.</translation>
    </message>
    <message>
        <source>Filen {file} er ikke en gyldig bokmerkefil: feil i JSON på linje {line}, tegn {column}.</source>
        <translation>The file {file} is not a valid bookmark file: JSON error on line {line}, character {column}.</translation>
    </message>
    <message>
        <source>Filen {file} har format {found}, men denne versjonen av Handbok kan bare lese format {wanted}.</source>
        <translation>The file {file} has format {found}, but this version of Handbok can only read format {wanted}.</translation>
    </message>
    <message>
        <source>Bokmerke nummer {number} i filen {file} kan ikke leses: «{key}» mangler eller har feil verdi.</source>
        <translation>Bookmark number {number} in the file {file} cannot be read: «{key}» is missing or has a wrong value.</translation>
    </message>
    <message>
        <source>Filen {file} er ikke en bokmerkefil fra Handbok.</source>
        <translation>The file {file} is not a Handbok bookmark file.</translation>
    </message>
    <message>
        <source>Kunne ikke lagre bokmerkene i {file}: disken er full.</source>
        <translation>Could not save the bookmarks in {file}: the disk is full.</translation>
    </message>
    <message>
        <source>Kunne ikke lagre bokmerkene i {file}: Handbok får ikke skrive i {folder}.</source>
        <translation>Could not save the bookmarks in {file}: Handbok is not allowed to write in {folder}.</translation>
    </message>
    <message>
        <source>Kunne ikke lagre bokmerkene: mappen {folder} finnes ikke.</source>
        <translation>Could not save the bookmarks: the folder {folder} does not exist.</translation>
    </message>
    <message>
        <source>Kunne ikke lagre bokmerkene i {file} ({reason}).</source>
        <translation>Could not save the bookmarks in {file} ({reason}).</translation>
    </message>
    <message>
        <source>Fant ingenting med id «{id}» å legge til i skrivet.</source>
        <translation>Found nothing with the id «{id}» to add to the handout.</translation>
    </message>
    <message>
        <source>Programmet har ingen nøkkel for innholdspakker ({path}).</source>
        <translation>The program has no key for content packs ({path}).</translation>
    </message>
    <message>
        <source>Nøkkelfilen {file} finnes fra før og blir ikke overskrevet.</source>
        <translation>The key file {file} already exists and is not overwritten.</translation>
    </message>
    <message>
        <source>Nøkkelfilen {file} er ikke en gyldig nøkkel for innholdspakker.</source>
        <translation>The key file {file} is not a valid key for content packs.</translation>
    </message>
    <message>
        <source>Versjonen «{version}» er ugyldig; skriv den som 2026.12.1.</source>
        <translation>The version «{version}» is not valid; write it like 2026.12.1.</translation>
    </message>
    <message>
        <source>Innholdspakken har versjon {version}, som ikke er nyere enn innholdet du har ({installed}).</source>
        <translation>The content pack has version {version}, which is not newer than the content you have ({installed}).</translation>
    </message>
    <message>
        <source>Innholdet i pakken har feil og blir ikke tatt i bruk:
{problems}</source>
        <translation>The content in the pack has errors and is not installed:
{problems}</translation>
    </message>
    <message>
        <source>Det finnes ikke noe tidligere innhold å gå tilbake til.</source>
        <translation>There is no earlier content to go back to.</translation>
    </message>
    <message>
        <source>Det tidligere innholdet finnes ikke lenger og kan ikke tas i bruk igjen.</source>
        <translation>The earlier content no longer exists and cannot be used again.</translation>
    </message>
    <message>
        <source>Kunne ikke lagre innholdet i {folder}: {reason}.</source>
        <translation>Could not save the content in {folder}: {reason}.</translation>
    </message>
    <message>
        <source>Filen {file} er ikke en innholdspakke for Handbok (ikke en zip-fil).</source>
        <translation>The file {file} is not a Handbok content pack (not a zip file).</translation>
    </message>
    <message>
        <source>Kunne ikke lese innholdspakken {file}: {reason}.</source>
        <translation>Could not read the content pack {file}: {reason}.</translation>
    </message>
    <message>
        <source>Innholdspakken {file} er skadet og kan ikke leses.</source>
        <translation>The content pack {file} is damaged and cannot be read.</translation>
    </message>
    <message>
        <source>Innholdspakken har for mange filer ({count}; høyst {limit} er lov).</source>
        <translation>The content pack has too many files ({count}; at most {limit} are allowed).</translation>
    </message>
    <message>
        <source>Filen «{name}» i innholdspakken er for stor ({size} MB; høyst {limit} MB).</source>
        <translation>The file «{name}» in the content pack is too large ({size} MB; at most {limit} MB).</translation>
    </message>
    <message>
        <source>Innholdspakken er for stor når den pakkes ut ({size} MB; høyst {limit} MB).</source>
        <translation>The content pack is too large when unpacked ({size} MB; at most {limit} MB).</translation>
    </message>
    <message>
        <source>Filen «{name}» i innholdspakken er mistenkelig sterkt komprimert og pakkes ikke ut.</source>
        <translation>The file «{name}» in the content pack is suspiciously highly compressed and is not unpacked.</translation>
    </message>
    <message>
        <source>Filen «{name}» i innholdspakken er større enn pakken oppgir, og pakkes ikke ut.</source>
        <translation>The file «{name}» in the content pack is larger than the pack says, and is not unpacked.</translation>
    </message>
    <message>
        <source>Innholdspakken inneholder en snarvei («{name}»), og det er ikke lov.</source>
        <translation>The content pack contains a link («{name}»), which is not allowed.</translation>
    </message>
    <message>
        <source>Innholdspakken har en fil med et ugyldig navn («{name}») som kunne havnet utenfor innholdsmappen.</source>
        <translation>The content pack has a file with an invalid name («{name}») that could end up outside the content folder.</translation>
    </message>
    <message>
        <source>Innholdspakken har en fil med et navn Windows ikke kan bruke («{name}»), som con, nul, aux, com1 eller lpt1.</source>
        <translation>The content pack has a file with a name Windows cannot use («{name}»), such as con, nul, aux, com1 or lpt1.</translation>
    </message>
    <message>
        <source>Innholdspakken har en fil med et for langt navn («{name}»); høyst {limit} tegn er lov.</source>
        <translation>The content pack has a file with too long a name («{name}»); at most {limit} characters are allowed.</translation>
    </message>
    <message>
        <source>Innholdspakken har filen «{name}» mer enn én gang.</source>
        <translation>The content pack has the file «{name}» more than once.</translation>
    </message>
    <message>
        <source>Innholdspakken er ikke signert av en utgiver Handbok stoler på, eller den er endret etter at den ble signert.</source>
        <translation>The content pack is not signed by a publisher Handbok trusts, or it was changed after it was signed.</translation>
    </message>
    <message>
        <source>Innholdspakken mangler innholdslisten (manifest.json).</source>
        <translation>The content pack lacks its list of contents (manifest.json).</translation>
    </message>
    <message>
        <source>Innholdspakken er ikke signert (manifest.sig mangler).</source>
        <translation>The content pack is not signed (manifest.sig is missing).</translation>
    </message>
    <message>
        <source>Filen «{name}» i innholdspakken er endret etter at den ble signert.</source>
        <translation>The file «{name}» in the content pack was changed after it was signed.</translation>
    </message>
    <message>
        <source>Innholdspakken har en fil som ikke står i innholdslisten: «{name}».</source>
        <translation>The content pack has a file that is not in its list of contents: «{name}».</translation>
    </message>
    <message>
        <source>Filen «{name}» står i innholdslisten, men mangler i innholdspakken.</source>
        <translation>The file «{name}» is in the list of contents but missing from the content pack.</translation>
    </message>
    <message>
        <source>Innholdspakken har et format denne versjonen av Handbok ikke kjenner ({format} {format_version}).</source>
        <translation>The content pack has a format this version of Handbok does not know ({format} {format_version}).</translation>
    </message>
    <message>
        <source>Innholdslisten i innholdspakken er ugyldig: feltet «{field}» mangler eller er feil.</source>
        <translation>The content pack&apos;s list of contents is invalid: the field «{field}» is missing or wrong.</translation>
    </message>
    <message>
        <source>Lokalt notat</source>
        <translation>Local note</translation>
    </message>
    <message>
        <source>Innholdet kunne ikke åpnes ({reason}). Handbok har bygget det på nytt fra sine egne filer, og alt virker som før.</source>
        <translation>The content could not be opened ({reason}). Handbok has rebuilt it from its own files, and everything works as before.</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Historikk</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Tøm historikken</source>
        <translation>Clear the history</translation>
    </message>
    <message>
        <source>Historikken er tom.</source>
        <translation>The history is empty.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Søk i veiledning, kontakter og sjekklister (Ctrl+K)</source>
        <translation>Search guidance, contacts and checklists (Ctrl+K)</translation>
    </message>
    <message>
        <source>Søk</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Tøm søkefeltet</source>
        <translation>Clear the search field</translation>
    </message>
    <message>
        <source>Sidepanel</source>
        <translation>Side panel</translation>
    </message>
    <message>
        <source>Sidepanel og lesefelt</source>
        <translation>Side panel and reading pane</translation>
    </message>
    <message>
        <source>Skillelinje mellom sidepanel og lesefelt</source>
        <translation>Divider between side panel and reading pane</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Åpner innholdet …</source>
        <translation>Opening the content …</translation>
    </message>
    <message>
        <source>Velg fra listen til venstre, eller skriv i søkefeltet øverst (Ctrl+K). Startsiden (Alt+1) viser hjelpetelefonene som er åpne nå.</source>
        <translation>Choose from the list on the left, or type in the search field at the top (Ctrl+K). The start page (Alt+1) shows the help lines open now.</translation>
    </message>
    <message>
        <source>Fant ikke «{id}» i innholdet.</source>
        <translation>Could not find «{id}» in the content.</translation>
    </message>
</context>
<context>
    <name>PagePreview</name>
    <message>
        <source>Forrige side</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>Neste side</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>Zoom ut</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Hel side</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <source>Zoom inn</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Forhåndsvisning av siden</source>
        <translation>Preview of the page</translation>
    </message>
    <message>
        <source>Side {page} av {pages}</source>
        <translation>Page {page} of {pages}</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>Lesefelt</source>
        <translation>Reading pane</translation>
    </message>
    <message>
        <source>Finn på siden</source>
        <translation>Find on page</translation>
    </message>
    <message>
        <source>Neste</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Finn neste</source>
        <translation>Find next</translation>
    </message>
    <message>
        <source>Lukk</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Lukk søk på siden</source>
        <translation>Close find on page</translation>
    </message>
    <message>
        <source>Ikke funnet</source>
        <translation>Not found</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <source>Søkestatus</source>
        <translation>Search status</translation>
    </message>
    <message>
        <source>Søketreff</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>Skriv hva du leter etter: et tema, en organisasjon, et telefonnummer.</source>
        <translation>Type what you are looking for: a topic, an organisation, a phone number.</translation>
    </message>
    <message>
        <source>Mente du: {suggestion}?</source>
        <translation>Did you mean: {suggestion}?</translation>
    </message>
    <message>
        <source>Ingen treff for «{query}». Prøv et annet ord, eller sjekk stavingen.</source>
        <translation>No results for «{query}». Try another word, or check the spelling.</translation>
    </message>
    <message>
        <source>Ingen eksakte treff. Viser treff med lignende ord.</source>
        <translation>No exact results. Showing results with similar words.</translation>
    </message>
    <message>
        <source>Ingen treff med alle ordene. Viser treff med noen av dem.</source>
        <translation>No results with all the words. Showing results with some of them.</translation>
    </message>
    <message>
        <source>Kontakter</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Veiledning</source>
        <translation>Guidance</translation>
    </message>
    <message>
        <source>Sjekklister</source>
        <translation>Checklists</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>bruk: </source>
        <translation>usage: </translation>
    </message>
    <message>
        <source>argumenter</source>
        <translation>positional arguments</translation>
    </message>
    <message>
        <source>valg</source>
        <translation>options</translation>
    </message>
    <message>
        <source>vis denne hjelpen</source>
        <translation>show this help message and exit</translation>
    </message>
    <message>
        <source>vis programmets versjon</source>
        <translation>show program&apos;s version number and exit</translation>
    </message>
    <message>
        <source>mangler: %s</source>
        <translation>the following arguments are required: %s</translation>
    </message>
    <message>
        <source>ukjente argumenter: %s</source>
        <translation>unrecognized arguments: %s</translation>
    </message>
    <message>
        <source>ugyldig valg: %(value)r (velg blant %(choices)s)</source>
        <translation>invalid choice: %(value)r (choose from %(choices)s)</translation>
    </message>
    <message>
        <source>trenger en verdi</source>
        <translation>expected one argument</translation>
    </message>
    <message>
        <source>trenger minst én verdi</source>
        <translation>expected at least one argument</translation>
    </message>
    <message>
        <source>ugyldig verdi: %(value)r</source>
        <translation>invalid value: %(value)r</translation>
    </message>
    <message>
        <source>%(argument_name)s: %(message)s</source>
        <translation>%(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>tvetydig valg: %(option)s kan være %(matches)s</source>
        <translation>ambiguous option: %(option)s could match %(matches)s</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>Innholdet kunne ikke åpnes på grunn av en uventet feil.</source>
        <translation>The content could not be opened because of an unexpected error.</translation>
    </message>
    <message>
        <source>Det oppstod en uventet feil. Handbok fortsetter; detaljer er i loggen.</source>
        <translation>An unexpected error occurred. Handbok carries on; the details are in the log.</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Innholdet kunne ikke åpnes.</source>
        <translation>The content could not be opened.</translation>
    </message>
    <message>
        <source>Bokmerker og historikk er likevel tilgjengelige.</source>
        <translation>Bookmarks and history are still available.</translation>
    </message>
    <message>
        <source>Lenken ble ikke åpnet: Handbok åpner bare nettsider og e-postadresser.</source>
        <translation>The link was not opened: Handbok opens only web pages and e-mail addresses.</translation>
    </message>
</context>
</TS>
