import { test as base } from "@playwright/test";
import { documentId, expect, OSCE, personPage, caretAtEnd } from "./fixtures";
import { PlenaryServer } from "./server-process";

const test = base;

test("text typed before a kill -9 is there after the restart; text typed while the server is down merges on reconnect", async ({ browser }) => {
  const server = new PlenaryServer();
  await server.start();
  try {
    const chair = await personPage(browser, server, "chair");
    const belarus = await personPage(browser, server, "belarus");
    const id = await documentId(chair, OSCE);
    await chair.goto(`${server.url}/documents/${id}`);
    await belarus.goto(`${server.url}/documents/${id}`);
    await expect(chair.getByTestId("connection")).toHaveAttribute("data-state", "synced");
    await caretAtEnd(chair, "OP3");
    await chair.keyboard.type(" Durable words before the crash.");
    // Belarus received it from the server: the server had stored it before broadcasting.
    await expect(belarus.locator('[data-number="OP3"]')).toContainText("Durable words before the crash.");

    await server.kill9();
    await expect(chair.getByTestId("connection")).not.toHaveAttribute("data-state", "synced");
    // Typed while the server is down: kept locally, merged on reconnect.
    await caretAtEnd(chair, "OP1");
    await chair.keyboard.type(" Offline words.");
    await server.start();

    const res = await belarus.request.get(`${server.url}/api/documents/${id}`);
    const model = (await res.json()) as { paragraphs: { number: string; text: string }[] };
    expect(model.paragraphs.find((p) => p.number === "OP3")?.text).toContain("Durable words before the crash.");
    // Both clients reconnect by themselves and converge, with the text once (no duplicate).
    for (const page of [chair, belarus]) {
      await expect(page.getByTestId("connection")).toHaveAttribute("data-state", "synced", { timeout: 20_000 });
      await expect(page.locator('[data-number="OP3"]')).toContainText("Durable words before the crash.");
      expect(((await page.locator('[data-number="OP3"]').textContent()) ?? "").split("Durable words").length).toBe(2);
      await expect(page.locator('[data-number="OP1"]')).toContainText("Offline words.");
    }
    const after = (await (await belarus.request.get(`${server.url}/api/documents/${id}`)).json()) as typeof model;
    expect(after.paragraphs.find((p) => p.number === "OP1")?.text.match(/Offline words\./g)).toHaveLength(1);
    await chair.context().close();
    await belarus.context().close();
  } finally {
    await server.stop();
    server.cleanup();
  }
});
