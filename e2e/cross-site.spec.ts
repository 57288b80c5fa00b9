import fs from "node:fs";
import path from "node:path";
import { documentId, expect, OSCE, personPage, test } from "./fixtures";

const API = path.resolve(import.meta.dirname, "..", "app", "api");

/** Every state-changing handler under app/api, found in the source: [method, route pattern]. */
function stateChangingRoutes(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = fs.readFileSync(full, "utf8");
        for (const [, method] of source.matchAll(/export (?:async )?function (POST|PUT|PATCH|DELETE)\b/g)) {
          out.push([method!, "/api/" + path.relative(API, path.dirname(full)).split(path.sep).join("/")]);
        }
      }
    }
  };
  walk(API);
  return out;
}

test("every state-changing API route refuses a cross-site request (foreign Origin, or Sec-Fetch-Site: cross-site) and changes nothing", async ({ browser, server }) => {
  const chair = await personPage(browser, server, "chair");
  const id = await documentId(chair, OSCE);
  const routes = stateChangingRoutes();
  expect(routes.length).toBeGreaterThanOrEqual(17);
  const before = await (await chair.request.get(`/api/documents/${id}/annotations`)).text();
  for (const [method, pattern] of routes) {
    const url = pattern
      .replace("[id]", id)
      .replace("[...all]", "sign-out")
      .replace(/\[(aid|vid|blockId|userId)\]/g, "x0000000000000000000000");
    const variants: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }];
    for (const headers of variants) {
      const res = await chair.request.fetch(url, { method, headers, data: {} });
      expect(res.status(), `${method} ${pattern} with ${JSON.stringify(headers)}`).toBe(403);
    }
  }
  // Nothing changed, and the chair's session (sign-out was among them) still works.
  expect(await (await chair.request.get(`/api/documents/${id}/annotations`)).text()).toBe(before);
  await chair.context().close();
});
