import * as Y from "yjs";
import { documentId, editor, expect, OSCE, personPage, test, caretAtEnd } from "./fixtures";
import { cookieHeader, nodeProvider, tryRawSocket, until } from "./raw-client";

async function liveText(page: import("@playwright/test").Page, id: string): Promise<string> {
  const res = await page.request.get(`/api/documents/${id}`);
  const body = (await res.json()) as { paragraphs: { text: string }[] };
  return body.paragraphs.map((p) => p.text).join("\n");
}

test("an observer's editor is read-only, and a raw client with the observer's cookie changes nothing", async ({ browser, server }) => {
  const observer = await personPage(browser, server, "observer");
  const id = await documentId(observer, OSCE);
  await observer.goto(`/documents/${id}`);
  await expect(observer.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  await expect(editor(observer)).toHaveAttribute("aria-readonly", "true");
  await expect(observer.getByRole("toolbar", { name: "Formatting" })).toHaveCount(0);
  await expect(observer.getByText("You follow this negotiation as an observer: the text and the positions are read-only for you.")).toBeVisible();
  const before = await liveText(observer, id);
  await observer.locator('[data-number="OP1"]').click();
  await observer.keyboard.type("OBSERVER TYPED");
  await expect(observer.locator('[data-number="OP1"]')).not.toContainText("OBSERVER TYPED");

  // A hostile client: sync step 2 with local content made before connecting, then updates.
  const doc = new Y.Doc();
  const extra = new Y.XmlElement("paragraph");
  extra.insert(0, [new Y.XmlText("INJECTED BEFORE SYNC")]);
  doc.getXmlFragment("default").insert(0, [extra]);
  const provider = nodeProvider(server.url, id, await cookieHeader(observer.context()), doc);
  await until(() => provider.synced, 10_000, "observer provider sync");
  const fragment = doc.getXmlFragment("default");
  fragment.delete(0, Math.min(3, fragment.length));
  const p = new Y.XmlElement("paragraph");
  p.insert(0, [new Y.XmlText("INJECTED AFTER SYNC")]);
  fragment.insert(0, [p]);

  // The chair's edit afterwards proves the server has processed the observer's messages.
  const chair = await personPage(browser, server, "chair");
  await chair.goto(`/documents/${id}`);
  await caretAtEnd(chair, "OP2");
  await chair.keyboard.type(" (chair marker)");
  await expect.poll(() => liveText(chair, id)).toContain("(chair marker)");

  // The observer's caret (in OP1 since the click) is not drawn in the chair's text; the chair's is in the observer's.
  await expect(observer.locator(".collaboration-carets__label", { hasText: "Chair" })).toBeVisible();
  await expect(chair.locator(".ProseMirror span[hidden]")).toHaveCount(1);
  await expect(chair.locator(".collaboration-carets__label", { hasText: "Observer" })).toHaveCount(0);

  const after = await liveText(observer, id);
  expect(after).not.toContain("INJECTED");
  expect(after.replace(" (chair marker)", "")).toBe(before);
  await expect(observer.locator('[data-number="OP2"]')).toContainText("(chair marker)");
  provider.destroy();
  await observer.context().close();
  await chair.context().close();
});

test("an anonymous socket gets no document: refused with 401 before any byte", async ({ browser, server }) => {
  const chair = await personPage(browser, server, "chair");
  const id = await documentId(chair, OSCE);
  const url = `${server.url.replace(/^http/, "ws")}/collab/${id}`;
  expect(await tryRawSocket(url, {})).toEqual({ status: 401, messages: 0 });
  expect(await tryRawSocket(url, { cookie: "better-auth.session_token=forged" })).toEqual({ status: 401, messages: 0 });
  // With the chair's cookie the same URL opens and the server starts the sync.
  const ok = await tryRawSocket(url, { cookie: await cookieHeader(chair.context()) });
  expect(ok.status).toBe("open");
  expect(ok.messages).toBeGreaterThan(0);
  await chair.context().close();
});
