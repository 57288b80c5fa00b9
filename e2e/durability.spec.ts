import { test as base } from "@playwright/test";
import { documentId, expect, OSCE, personPage, caretAtEnd } from "./fixtures";
import * as Y from "yjs";
import { PlenaryServer } from "./server-process";
import { nodeProvider, until } from "./raw-client";

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

test("SIGTERM with writes in flight: sockets closed with 1001, the client reconnects by itself, nothing typed is lost", async ({ playwright }) => {
  const server = new PlenaryServer();
  await server.start();
  try {
    const api = await playwright.request.newContext({ baseURL: server.url });
    const signIn = await api.post("/api/auth/sign-in/email", { data: { email: "chair@example.org", password: "plenary-demo" } });
    const cookie = (signIn.headers()["set-cookie"] ?? "").split(";")[0]!;
    const { documents } = (await (await api.get("/api/documents")).json()) as { documents: { id: string; title: string }[] };
    const id = documents.find((d) => d.title.includes(OSCE))!.id;
    const doc = new Y.Doc();
    const provider = nodeProvider(server.url, id, cookie, doc);
    const closeCodes: number[] = [];
    provider.on("connection-close", (event: CloseEvent | null) => {
      if (event) closeCodes.push(event.code);
    });
    await until(() => provider.synced, 10_000, "sync");
    const op1 = (doc.getXmlFragment("default").toArray() as Y.XmlElement[]).find((el) => el.nodeName === "operative")!.get(0) as Y.XmlText;
    // Typing continues while the server shuts down and restarts.
    const typing = (async () => {
      for (let i = 0; i < 60; i++) {
        op1.insert(op1.length, ` w${i}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    await new Promise((r) => setTimeout(r, 300));
    await server.stop();
    await typing;
    expect(closeCodes).toContain(1001);
    await server.start();
    await until(() => provider.synced, 20_000, "resync after restart");
    const text = () => (op1.toDelta() as { insert: string }[]).map((d) => d.insert).join("");
    expect(text()).toContain(" w59");
    await expect
      .poll(async () => {
        const model = (await (await api.get(`/api/documents/${id}`)).json()) as { paragraphs: { number: string; text: string }[] };
        return model.paragraphs.find((p) => p.number === "OP1")?.text;
      }, { timeout: 20_000 })
      .toBe(text());
    expect(text().match(/ w\d+/g)).toHaveLength(60);
    provider.destroy();
    await api.dispose();
  } finally {
    await server.stop();
    server.cleanup();
  }
});
