import { GyroscopePlugin } from "@photo-sphere-viewer/gyroscope-plugin";

window.MPPPSV.GyroscopePlugin = GyroscopePlugin;
