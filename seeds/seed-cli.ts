/**
 * `npm run seed`: seeds the database of DATA_DIR (the app seeds itself at its first start).
 * Kept apart from seed.ts, which the server bundles: a "run me when I am the entry" check
 * there would fire inside the bundle, whose entry shares its module URL.
 */
import { seedDatabase } from "./seed";
import { openStandalone } from "../server/standalone";

const rt = await openStandalone();
try {
  const { created } = await seedDatabase(rt);
  console.log(`seed: ${created} document(s) created in ${rt.dataDir}`);
} finally {
  rt.close();
}
