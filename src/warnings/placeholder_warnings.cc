// Placeholder so the module's library has a source until its first real file lands.
