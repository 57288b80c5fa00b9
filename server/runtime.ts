import type { Services } from "./services";

/**
 * The bridge between the custom server and Next's route handlers. Next bundles app/ code
 * separately from the process that owns the database and the rooms, so the server
 * registers its services on globalThis at start and route handlers fetch them here:
 * one database connection, one set of rooms, one auth instance per process.
 */
const KEY = Symbol.for("plenary.runtime");

type Holder = { [KEY]?: Services };

export function setRuntime(services: Services | undefined): void {
  (globalThis as Holder)[KEY] = services;
}

export function getRuntime(): Services {
  const services = (globalThis as Holder)[KEY];
  if (!services) throw new Error("Plenary runtime not started: run the app through server/main.ts (npm start / npm run dev)");
  return services;
}
