import { Euler, MathUtils, Object3D, Quaternion, Vector3 } from "three";
import * as core from "@photo-sphere-viewer/core";
import { CubemapTilesAdapter } from "@photo-sphere-viewer/cubemap-tiles-adapter";
import { MarkersPlugin } from "@photo-sphere-viewer/markers-plugin";
import { VirtualTourPlugin } from "@photo-sphere-viewer/virtual-tour-plugin";
import { MapPlugin } from "@photo-sphere-viewer/map-plugin";
import "@photo-sphere-viewer/core/index.css";
import "@photo-sphere-viewer/markers-plugin/index.css";
import "@photo-sphere-viewer/virtual-tour-plugin/index.css";
import "@photo-sphere-viewer/map-plugin/index.css";

// Only the parts of three.js the lazily loaded gyroscope plugin needs are shared.
const three = { Euler, MathUtils, Object3D, Quaternion, Vector3 };
window.MPPPSV = { three, core, CubemapTilesAdapter, MarkersPlugin, VirtualTourPlugin, MapPlugin };
