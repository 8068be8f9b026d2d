"""Content packs: signed updates of the content folder. safety checks a pack (zip, signature,
manifest); install verifies, builds and switches stores; pointer names the store in use; keys
are the public keys trusted. May import: index.content, index.store, index.errors,
index.resources, index.untrusted."""
