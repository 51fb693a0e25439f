// The deployment the Check page holds, shared with the Server health page.

let current = null;
const listeners = new Set();

/** The current deployment source ({ text, format, name, files }), or null. */
export function currentDeployment() {
  return current;
}

/** Set the current deployment source and tell every listener. */
export function setDeployment(source) {
  current = source;
  for (const listener of listeners) listener(current);
}

/** Call `listener` with each new deployment source. */
export function onDeployment(listener) {
  listeners.add(listener);
}

