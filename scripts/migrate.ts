import { loadConfig } from "../server/config";
import { openDatabase } from "../server/db/client";

/** `npm run db:migrate`: applies drizzle/ migrations to the database in DATA_DIR. */
const config = loadConfig();
const database = openDatabase(config.dataDir);
database.close();
console.log(`migrations applied to ${config.dataDir}`);
