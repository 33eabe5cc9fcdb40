// Bundles the front-end libraries installed from npm into var/vendor (git-ignored), where Django's
// static files pick them up. Nothing from node_modules is committed.
//
// psv.js + psv.css: Photo Sphere Viewer core with the cube-tiles adapter, markers, virtual-tour and map
// plugins, exposed as `window.MPPPSV`. psv-gyro.js: the gyroscope plugin, loaded only when a citizen asks
// for it; it reuses the core and three.js of psv.js instead of bundling a second copy.
import { mkdirSync } from "node:fs";
import { build } from "esbuild";

const outdir = new URL("../var/vendor/", import.meta.url).pathname;
mkdirSync(outdir, { recursive: true });

const common = { bundle: true, minify: true, target: "es2019", legalComments: "linked", logLevel: "warning" };

await build({
  ...common,
  entryPoints: { psv: new URL("entries/psv.js", import.meta.url).pathname },
  format: "iife",
  outdir,
});

// Resolves `three` and the PSV core to the copies already loaded by psv.js.
const reuseLoadedCore = {
  name: "reuse-loaded-core",
  setup(b) {
    b.onResolve({ filter: /^(three|@photo-sphere-viewer\/core)$/ }, (args) => ({ path: args.path, namespace: "global" }));
    b.onLoad({ filter: /.*/, namespace: "global" }, (args) => ({
      contents: `module.exports = window.MPPPSV.${args.path === "three" ? "three" : "core"};`,
      loader: "js",
    }));
  },
};

await build({
  ...common,
  entryPoints: { "psv-gyro": new URL("entries/psv-gyro.js", import.meta.url).pathname },
  format: "iife",
  outdir,
  plugins: [reuseLoadedCore],
});
