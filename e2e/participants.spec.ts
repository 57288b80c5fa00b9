import path from "node:path";
import Database from "better-sqlite3";
import { strToU8, zipSync } from "fflate";
import { SEED_DELEGATIONS } from "../seeds/delegations";
import type { Browser, BrowserContextOptions } from "@playwright/test";
import { caretAtEnd, documentId, expect, OSCE, personPage, signInAs, test } from "./fixtures";
import type { PlenaryServer } from "./server-process";

test("the chair revokes a delegate on the participants page: the delegate's open window is cut off at once", async ({ browser, server }) => {
  const chair = await personPage(browser, server, "chair");
  const russia = await personPage(browser, server, "russia");
  const id = await documentId(chair, OSCE);
  await russia.goto(`/documents/${id}`);
  await expect(russia.getByTestId("connection")).toHaveAttribute("data-state", "synced");

  await chair.goto(`/documents/${id}`);
  await chair.getByRole("link", { name: "Manage participants" }).click();
  await expect(chair.getByRole("heading", { name: "Participants" })).toBeVisible();
  const row = chair.getByRole("row", { name: /Delegate of the Russian Federation/ });
  await expect(row).toContainText("Russian Federation");
  chair.once("dialog", (d) => void d.accept());
  await row.getByRole("button", { name: "Revoke" }).click();
  // Said where the row was, with the focus (the button went with its row).
  const revoked = chair.getByRole("table", { name: "People with a role on this document" }).getByRole("status");
  await expect(revoked).toHaveText("Delegate of the Russian Federation's role revoked. Grant a role again to give it back.");
  await expect(revoked).toBeFocused();
  await expect(revoked).toBeInViewport();

  await expect(russia.getByTestId("connection")).toHaveAttribute("data-state", "ended", { timeout: 2000 });
  await expect(russia.getByRole("alert").filter({ hasText: "Access ended" })).toBeVisible();
  expect((await russia.request.get(`/api/documents/${id}`)).status()).toBe(403);

  // Granting the role again restores access. The Person list starts on no one (a Grant cannot give the first name a role).
  const grant = chair.getByRole("region", { name: "Grant a role" });
  const person = grant.getByRole("combobox", { name: "Person" });
  await expect(person).toHaveValue("");
  await expect(person.locator("option:checked")).toHaveText("Choose a person…");
  await grant.getByRole("button", { name: "Grant" }).click();
  await expect(grant.getByRole("status")).toHaveText("");
  await person.selectOption("russian-federation@example.org");
  await grant.getByRole("combobox", { name: "Role" }).selectOption("delegate");
  await grant.getByRole("button", { name: "Grant" }).click();
  await expect(grant.getByRole("status")).toHaveText("Role granted: Delegate of the Russian Federation is now Delegate (Russian Federation).");
  await expect(grant.getByRole("status")).toBeInViewport();
  await expect(person).toHaveValue("");
  await expect(chair.getByRole("row", { name: /Delegate of the Russian Federation/ })).toContainText("Russian Federation");
  expect((await russia.request.get(`/api/documents/${id}`)).status()).toBe(200);
  await chair.context().close();
  await russia.context().close();
});

test("signing out in another tab ends the delegate's open editor within 2 seconds (4401 from the server's sweep)", async ({ browser, server }) => {
  const russia = await personPage(browser, server, "russia");
  const id = await documentId(russia, OSCE);
  await russia.goto(`/documents/${id}`);
  await expect(russia.getByTestId("connection")).toHaveAttribute("data-state", "synced");

  const otherTab = await russia.context().newPage();
  await otherTab.goto("/");
  await otherTab.getByRole("button", { name: "Sign out" }).click();
  await expect(otherTab).toHaveURL(/\/sign-in/);
  const signedOutAt = Date.now();

  await expect(russia.getByTestId("connection")).toHaveAttribute("data-state", "ended", { timeout: 2000 });
  expect(Date.now() - signedOutAt).toBeLessThan(2000);
  await expect(russia.getByRole("alert").filter({ hasText: "Access ended: session ended" })).toBeVisible();
  expect((await russia.request.get(`/api/documents/${id}`)).status()).toBe(401);
  await russia.context().close();
});

test("a chair whose session ended elsewhere cannot type on into a text that would never be sent", async ({ browser, server }) => {
  const chair = await personPage(browser, server, "chair");
  const id = await documentId(chair, OSCE);
  await chair.goto(`/documents/${id}`);
  await expect(chair.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  await expect(chair.getByLabel(/^Text of /)).not.toHaveAttribute("aria-readonly", "true");
  const otherTab = await chair.context().newPage();
  await otherTab.goto("/");
  await otherTab.getByRole("button", { name: "Sign out" }).click();
  await expect(chair.getByTestId("connection")).toHaveAttribute("data-state", "ended", { timeout: 2000 });
  await expect(chair.getByLabel(/^Text of /)).toHaveAttribute("aria-readonly", "true");
  const before = (await chair.locator('[data-number="OP1"]').textContent()) ?? "";
  await chair.locator('[data-number="OP1"]').click();
  await chair.keyboard.type("lost words");
  await expect(chair.locator('[data-number="OP1"]')).toHaveText(before);
  await chair.context().close();
});

test("a delegate cannot open the participants page nor call its API", async ({ browser, server }) => {
  const belarus = await personPage(browser, server, "belarus");
  const id = await documentId(belarus, OSCE);
  await belarus.goto(`/documents/${id}/participants`);
  await expect(belarus.getByRole("heading", { name: "Access denied" })).toBeVisible();
  const res = await belarus.request.post(`/api/documents/${id}/participants`, {
    data: { email: "belarus@example.org", role: "chair" },
    headers: { origin: server.url },
  });
  expect(res.status()).toBe(403);
  await belarus.context().close();
});

test("the chair creates a blank document and lands in its editor", async ({ browser, server }) => {
  const chair = await personPage(browser, server, "chair");
  await chair.getByRole("link", { name: "New document", exact: true }).click();
  // A title of spaces is said in words, and the title field takes the focus.
  await chair.getByLabel("Title").fill("   ");
  await chair.getByRole("button", { name: "Create" }).click();
  await expect(chair.getByRole("alert").filter({ hasText: "title" })).toHaveText("Give the document a title.");
  await expect(chair.getByLabel("Title")).toBeFocused();
  const title = `Draft annual progress report ${Date.now()}`;
  await chair.getByLabel("Title").fill(title);
  await chair.getByLabel("Symbol").fill("A/AC.292/2025/CRP.1");
  // A double click makes one document (it made two).
  await chair.getByRole("button", { name: "Create" }).dblclick();
  await expect(chair.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  const listed = ((await (await chair.request.get("/api/documents")).json()) as { documents: { title: string }[] }).documents;
  expect(listed.filter((d) => d.title === title)).toHaveLength(1);
  await expect(chair.locator(".blk-title")).toHaveText(title);
  await expect(chair.locator(".doc-symbol")).toContainText("A/AC.292/2025/CRP.1");
  // The empty first paragraph, with the caret in it, says what to do.
  await chair.locator(".blk-paragraph").first().click();
  await expect(chair.locator(".blk-paragraph.is-empty")).toHaveAttribute("data-placeholder", /Ctrl\+Alt\+P preambular/);
  await chair.context().close();
});

test("a delegate opening the new-document page is told that chairs create documents, before any form", async ({ browser, server }) => {
  const delegate = await personPage(browser, server, "albania");
  await delegate.goto("/documents/new");
  await expect(delegate.getByText("Only a chair creates or imports documents.")).toBeVisible();
  await expect(delegate.getByLabel("Title")).toHaveCount(0);
  await expect(delegate.getByRole("button", { name: "Detect structure" })).toHaveCount(0);
  await delegate.getByRole("link", { name: "Back to your documents" }).click();
  await expect(delegate.getByRole("heading", { name: "Documents" })).toBeVisible();
  await delegate.context().close();
});

test("the chair imports a draft: reviews the detected structure, then creates it; a bad file gets a clear message", async ({ browser, server }) => {
  const chair = await personPage(browser, server, "chair");
  await chair.goto("/documents/new");
  const input = chair.getByLabel("Word, Markdown or text file (up to 10 MiB)");
  await input.setInputFiles({ name: "junk.docx", mimeType: "application/octet-stream", buffer: Buffer.from("not a word file") });
  await chair.getByRole("button", { name: "Detect structure" }).click();
  await expect(chair.getByRole("alert").filter({ hasText: "this is not a Word (.docx) file" })).toBeVisible();

  const draft = "**Draft decision on confidence-building measures**\n\nRecalling its decision on ICT security,\n\nDecides to:\n\n1. Continue the dialogue;\n2. Report next year.";
  await input.setInputFiles({ name: "draft.md", mimeType: "text/markdown", buffer: Buffer.from(draft) });
  // Choosing another file takes the last one's error away.
  await expect(chair.getByRole("alert").filter({ hasText: "this is not a Word (.docx) file" })).toHaveCount(0);
  await chair.getByRole("button", { name: "Detect structure" }).click();
  const table = chair.getByRole("table", { name: "Detected structure" });
  await expect(table.getByRole("row")).toHaveCount(6);
  // Said where the focus is (the Detect button is disabled while the file is read).
  await expect(chair.getByRole("status").filter({ hasText: /^Detected 5 blocks: 1 title, / })).toBeFocused();
  await expect(table.getByRole("row", { name: /OP2 Operative Report next year/ })).toBeVisible();
  // The chair corrects a kind: the numbers follow at once, and the document is created so.
  await table.getByLabel("Kind of block 5").selectOption("paragraph");
  await expect(table.getByRole("row").nth(5).getByRole("cell").first()).not.toHaveText("OP2");
  await chair.getByRole("button", { name: "Create the document" }).click();
  await expect(chair.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  await expect(chair.locator('[data-number="OP1"]')).toHaveText("Continue the dialogue;");
  await expect(chair.locator('[data-number="OP2"]')).toHaveCount(0);
  await expect(chair.locator(".ProseMirror")).toContainText("Report next year.");
  // Corrections that do not fit the file are refused with a reason; nothing is created.
  const file = { name: "draft.md", mimeType: "text/markdown", buffer: Buffer.from(draft) };
  const count = async () => ((await (await chair.request.get("/api/documents")).json()) as { documents: unknown[] }).documents.length;
  const before = await count();
  for (const [kinds, message] of [
    ['["title","paragraph"]', "the corrected kinds are for 2 blocks, the file has 5: detect its structure again"],
    ['["title","preambular","heading","operative","footnote"]', "kinds must be a JSON array of: title, heading, preambular, operative, paragraph, bullet"],
  ]) {
    const res = await chair.request.post("/api/documents/import", { multipart: { file, mode: "create", kinds: kinds! }, headers: { origin: server.url } });
    expect(res.status()).toBe(400);
    expect(((await res.json()) as { message: string }).message).toBe(message);
  }
  // A title typed for the import is checked as the new-document form checks it.
  for (const [title, message] of [
    ["Bad\u0001title", "title: contains a control character or malformed Unicode"],
    ["Line one\nLine two", "title: must be one line"],
    ["T".repeat(301), "title: must be at most 300 characters"],
  ]) {
    const res = await chair.request.post("/api/documents/import", { multipart: { file, mode: "create", title: title! }, headers: { origin: server.url } });
    expect(res.status(), title).toBe(400);
    expect(((await res.json()) as { message: string }).message).toBe(message);
  }
  expect(await count()).toBe(before);
  // The block marked Title names the document.
  const retitled = await chair.request.post("/api/documents/import", { multipart: { file, mode: "create", kinds: '["heading","preambular","title","operative","operative"]' }, headers: { origin: server.url } });
  expect(retitled.status()).toBe(201);
  const { id: retitledId } = (await retitled.json()) as { id: string };
  const listed = ((await (await chair.request.get("/api/documents")).json()) as { documents: { id: string; title: string }[] }).documents;
  expect(listed.find((d) => d.id === retitledId)?.title).toBe("Decides to:");
  await expect(chair.locator('[data-number="PP1"]')).toContainText("Recalling");

  // Word files are read in a worker thread (the server's bundle): its warnings reach the preview…
  const tracked = wordFile('<w:p><w:r><w:t>Statement by the delegation</w:t></w:r></w:p><w:p><w:ins w:id="1" w:author="X"><w:r><w:t>Recalls its resolution 70/1;</w:t></w:r></w:ins></w:p>');
  const preview = await chair.request.post("/api/documents/import", { multipart: { file: { name: "tracked.docx", mimeType: "application/octet-stream", buffer: tracked } }, headers: { origin: server.url } });
  expect(preview.status()).toBe(200);
  expect(((await preview.json()) as { warnings: string[] }).warnings).toEqual(["The file had tracked changes: they were imported as accepted. Check the text."]);
  // …and a zip bomb (a few KiB that unpack to 17 MiB) is refused with a reason; nothing is created, the server answers on.
  const bomb = wordFile("<w:p><w:r><w:t>all States</w:t></w:r></w:p>".repeat(400_000));
  expect(bomb.byteLength).toBeLessThan(100 * 1024);
  const refused = await chair.request.post("/api/documents/import", { multipart: { file: { name: "bomb.docx", mimeType: "application/octet-stream", buffer: bomb }, mode: "create" }, headers: { origin: server.url } });
  expect(refused.status()).toBe(413);
  expect(((await refused.json()) as { message: string }).message).toBe("the Word file's text unpacks to more than 16 MiB; split the draft");
  expect(await count()).toBe(before + 1);
  expect((await chair.request.get("/api/health")).status()).toBe(200);
  await chair.context().close();
});

test("a delegation outside the sample statements takes part: the chair makes Germany's delegate, whose tracked words carry Germany's code and colour", async ({ browser, server }) => {
  const chair = await personPage(browser, server, "chair");
  const id = await documentId(chair, OSCE);
  await chair.goto(`/documents/${id}/participants`);
  const create = chair.getByRole("region", { name: "Create an account" });
  await create.getByLabel("Email").fill("germany@example.org");
  await create.getByRole("textbox", { name: "Name" }).fill("Delegate of Germany");
  await create.getByLabel("Initial password").fill("bundesrepublik-2026");
  await create.getByRole("combobox", { name: "Delegation" }).selectOption({ label: "Germany (DEU)" });
  await create.getByRole("button", { name: "Create account" }).click();
  // The new account is chosen in the Grant form, in view, with the focus on its role.
  const grant = chair.getByRole("region", { name: "Grant a role" });
  await expect(grant.getByRole("status")).toHaveText("Account created for Delegate of Germany (germany@example.org), chosen here: check the role and press Grant.");
  await expect(grant.getByRole("status")).toBeInViewport();
  await expect(grant.getByRole("combobox", { name: "Person" })).toHaveValue("germany@example.org");
  await expect(grant.getByRole("combobox", { name: "Role" })).toBeFocused();
  await expect(grant.getByRole("combobox", { name: "Role" })).toHaveValue("delegate");
  await expect(grant.getByRole("combobox", { name: "Delegation" })).toHaveValue("DEU");
  // The same address again, in capitals or twice at once, is refused: the account keeps its delegation.
  const again = (email: string) =>
    chair.request.post(`/api/documents/${id}/accounts`, { data: { email, name: "Impostor", password: "impostor-2026", delegationCode: "FRA" }, headers: { origin: server.url } });
  expect((await again("GERMANY@example.org")).status()).toBe(409);
  const twice = await Promise.all([again("france@example.org"), again("France@example.org")]);
  expect(twice.map((r) => r.status()).sort()).toEqual([201, 409]);
  await grant.getByRole("button", { name: "Grant" }).click();
  await expect(chair.getByRole("row", { name: /Delegate of Germany/ })).toContainText("Germany");
  await expect(chair.getByRole("row", { name: /Delegate of Germany/ })).not.toContainText("France");
  // Every Member State is there to pick, by its United Nations name.
  const options = await grant.getByRole("combobox", { name: "Delegation" }).locator("option").allTextContents();
  for (const name of ["Afghanistan (AFG)", "Türkiye (TUR)", "United Kingdom of Great Britain and Northern Ireland (GBR)", "Zimbabwe (ZWE)", "State of Palestine (PSE)", "European Union (EU)"]) expect(options).toContain(name);
  expect(options.length).toBe(SEED_DELEGATIONS.length + 1);

  const germany = await (await browser.newContext({ baseURL: server.url })).newPage();
  await signInAs(germany, "/sign-in", "germany@example.org", "bundesrepublik-2026");
  await chair.goto(`/documents/${id}`);
  await germany.goto(`/documents/${id}`);
  for (const page of [chair, germany]) await expect(page.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  await chair.getByLabel("Editing mode").selectOption("open_drafting");
  await expect(germany.getByText(/Open drafting: your typing and deletions are tracked/)).toBeVisible();
  await caretAtEnd(germany, "OP2");
  await germany.keyboard.type(" in good faith");
  const words = chair.locator('[data-number="OP2"] ins.suggestion-insertion[data-delegation="DEU"]');
  await expect(words).toHaveText(" in good faith");
  const hex = SEED_DELEGATIONS.find((d) => d.code === "DEU")!.color;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  await expect(words).toHaveCSS("color", `rgb(${r}, ${g}, ${b})`);
  await chair.getByRole("tab", { name: "Review" }).click();
  await expect(chair.getByTestId("review").locator(".review-list > li").filter({ hasText: "tracked insertion" }).filter({ hasText: "in good faith" })).toContainText("Germany");
  // The review's delegation filter offers the delegations with something to review, not all 199.
  const offered = await chair.getByLabel("Review delegation").locator("option").allTextContents();
  expect(offered).toContain("Germany");
  expect(offered).not.toContain("Zimbabwe");
  expect(offered.length).toBeLessThan(30);
  await chair.getByLabel("Editing mode").selectOption("chairs_pen");
  await chair.context().close();
  await germany.context().close();
});

/** The chair's participants page of a new document titled `title`, with its list section and tables. */
async function listPage(browser: Browser, server: PlenaryServer, title: string, options: BrowserContextOptions = {}) {
  const chair = await personPage(browser, server, "chair", options);
  const created = await chair.request.post("/api/documents", { data: { title }, headers: { origin: server.url } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await chair.goto(`/documents/${id}/participants`);
  return {
    chair,
    id,
    section: chair.getByRole("region", { name: "Add a list of people" }),
    people: chair.getByRole("table", { name: "People with a role on this document" }),
    issued: chair.getByRole("table", { name: "Accounts created, with their initial passwords" }),
  };
}

test("the chair adds a pasted list of people: a list with a line to mend adds no one; a good one creates the missing accounts, shows their passwords once, and each can sign in", async ({ browser, server }) => {
  const { chair, id, section, people, issued } = await listPage(browser, server, "Draft report of the working group");
  const rows = people.getByRole("row");
  await expect(rows).toHaveCount(2);

  await section.getByRole("textbox").fill("hans@auswaertiges-amt.de, Hans Müller, Germny\nno-address, Someone, KOR");
  await section.getByRole("button", { name: "Add them" }).click();
  const problems = section.getByRole("alert");
  await expect(problems).toContainText("2 lines to mend, nothing was added:");
  // The list to mend has the focus (the button was disabled while it was checked), its problems read with it.
  await expect(section.getByRole("textbox")).toBeFocused();
  await expect(section.getByRole("textbox")).toHaveAttribute("aria-invalid", "true");
  await expect(section.getByRole("textbox")).toHaveAccessibleDescription(/^2 lines to mend, nothing was added:/);
  await expect(problems).toContainText('line 1: no delegation "Germny" (give its code, such as DEU, or its name)');
  await expect(problems).toContainText('line 2: "no-address" is not an email address');
  await expect(rows).toHaveCount(2);

  await section.getByRole("textbox").fill(
    ["email\tname\tdelegation\trole", "hans@auswaertiges-amt.de\tHans Müller\tGermany", "kim@mofa.go.kr\tKim Jung\tKOR", "belarus@example.org\tDelegate of Belarus\t\tobserver"].join("\n"),
  );
  await section.getByRole("button", { name: "Add them" }).click();
  await expect(section.getByRole("status").filter({ hasText: "3 people given a role; 2 accounts created." })).toBeFocused();
  await expect(issued.getByRole("row")).toHaveCount(3);
  const kimPassword = (await issued.getByRole("row", { name: /kim@mofa\.go\.kr/ }).locator("code").textContent()) ?? "";
  expect(kimPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  const csv = decodeURIComponent((await section.getByRole("link", { name: "Download them (CSV)" }).getAttribute("href")) ?? "");
  expect(csv).toContain(`kim@mofa.go.kr,Kim Jung,KOR,delegate,${kimPassword}`);
  expect(csv).not.toContain("belarus@example.org");
  await expect(rows).toHaveCount(5);
  await expect(people.getByRole("row", { name: /Hans Müller/ })).toContainText("Germany");
  await expect(people.getByRole("row", { name: /Kim Jung/ })).toContainText("Republic of Korea");
  await expect(people.getByRole("row", { name: /Delegate of Belarus/ })).toContainText("Observer");

  // Kim signs in with the password handed out, and finds the document, as a delegate of the Republic of Korea.
  const kim = await (await browser.newContext({ baseURL: server.url })).newPage();
  await signInAs(kim, "/sign-in", "kim@mofa.go.kr", kimPassword);
  await kim.getByRole("link", { name: /Draft report of the working group/ }).click();
  await expect(kim.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  await expect(kim.getByText("Republic of Korea").first()).toBeVisible();
  // Only the chair adds people.
  const refused = await kim.request.post(`/api/documents/${id}/participants/list`, { data: { list: "x@y.org, X, KOR" }, headers: { origin: server.url } });
  expect(refused.status()).toBe(403);
  await chair.context().close();
  await kim.context().close();
});

test("a pasted list that the database fails on part way: the accounts made before it keep their passwords on screen, the failing line is named, and pasting the list again adds the rest", async ({ browser, server }) => {
  const { chair, section, people, issued } = await listPage(browser, server, "Informal consultations");
  // The database refuses the third person's account (as a full disk would), from outside the server.
  const sqlite = new Database(path.join(server.dataDir, "plenary.db"));
  let amina = "";
  sqlite.exec(`CREATE TRIGGER e2e_refuse_user BEFORE INSERT ON "user" WHEN NEW.email = 'fatima@mofa.gov.eg' BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
  try {
    const list = ["amina@mfa.gov.ng, Amina Bello, NGA", "lucia@cancilleria.gov.co, Lucía Gómez, COL", "fatima@mofa.gov.eg, Fatima Hassan, EGY", "sione@mfat.gov.to, Sione Tupou, TON"].join("\n");
    await section.getByRole("textbox").fill(list);
    await section.getByRole("button", { name: "Add them" }).click();
    await expect(section.getByRole("alert")).toContainText("The list stopped at line 3 (fatima@mofa.gov.eg)");
    await expect(section.getByRole("alert")).toContainText("hand out the passwords below now");
    await expect(issued.getByRole("row")).toHaveCount(3);
    amina = (await issued.getByRole("row", { name: /amina@mfa\.gov\.ng/ }).locator("code").textContent()) ?? "";
    expect(amina).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await expect(people.getByRole("row", { name: /Amina Bello/ })).toContainText("Nigeria");
    await expect(people.getByRole("row", { name: /Fatima Hassan/ })).toHaveCount(0);
    await expect(people.getByRole("row", { name: /Sione Tupou/ })).toHaveCount(0);
    // The list is still in the box; once the cause is gone, adding it again adds the rest.
    await expect(section.getByRole("textbox")).toHaveValue(list);
    sqlite.exec("DROP TRIGGER e2e_refuse_user");
    await section.getByRole("button", { name: "Add them" }).click();
    await expect(chair.getByRole("status").filter({ hasText: "4 people given a role; 2 accounts created." })).toBeVisible();
    await expect(section.getByRole("alert")).toHaveCount(0);
    await expect(issued.getByRole("row")).toHaveCount(3);
    await expect(issued).toContainText("fatima@mofa.gov.eg");
    await expect(issued).not.toContainText("amina@mfa.gov.ng");
    await expect(people.getByRole("row", { name: /Sione Tupou/ })).toContainText("Tonga");
  } finally {
    sqlite.close();
  }
  // Amina signs in with the password shown after the failed first attempt.
  const page = await (await browser.newContext({ baseURL: server.url })).newPage();
  await signInAs(page, "/sign-in", "amina@mfa.gov.ng", amina);
  await expect(page.getByRole("link", { name: /Informal consultations/ })).toBeVisible();
  await chair.context().close();
  await page.context().close();
});

test("a pasted list whose database fails after an account is made (its role refused) shows that password; one that fails between an account and its password leaves no account behind", async ({ browser, server }) => {
  const { chair, section, people, issued } = await listPage(browser, server, "Friends of the chair");
  const sqlite = new Database(path.join(server.dataDir, "plenary.db"));
  let ana = "";
  try {
    // Ana's account is made, then her role is refused: her password is shown all the same.
    sqlite.exec(`CREATE TRIGGER e2e_refuse_role BEFORE INSERT ON document_roles WHEN NEW.user_id IN (SELECT id FROM "user" WHERE email = 'ana@mre.gov.br') BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    await section.getByRole("textbox").fill("ana@mre.gov.br, Ana Souza, BRA");
    await section.getByRole("button", { name: "Add them" }).click();
    await expect(section.getByRole("alert")).toContainText("The list stopped at line 1 (ana@mre.gov.br)");
    await expect(section.getByRole("alert")).toContainText("ana@mre.gov.br's account was made without its role");
    ana = (await issued.getByRole("row", { name: /ana@mre\.gov\.br/ }).locator("code").textContent()) ?? "";
    expect(ana).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    sqlite.exec("DROP TRIGGER e2e_refuse_role");
    // Ben's password cannot be stored: no account is left behind without one.
    sqlite.exec(`CREATE TRIGGER e2e_refuse_password BEFORE INSERT ON account WHEN NEW.user_id IN (SELECT id FROM "user" WHERE email = 'ben@dfa.ie') BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    await section.getByRole("textbox").fill("ben@dfa.ie, Ben Murphy, IRL");
    await section.getByRole("button", { name: "Add them" }).click();
    await expect(section.getByRole("alert")).toBeVisible();
    expect(sqlite.prepare(`SELECT COUNT(*) AS n FROM "user" WHERE email = 'ben@dfa.ie'`).get()).toEqual({ n: 0 });
    sqlite.exec("DROP TRIGGER e2e_refuse_password");
  } finally {
    sqlite.close();
  }
  // The list again: Ana gets her role (her password was handed out already), Ben an account.
  await section.getByRole("textbox").fill("ana@mre.gov.br, Ana Souza, BRA\nben@dfa.ie, Ben Murphy, IRL");
  await section.getByRole("button", { name: "Add them" }).click();
  await expect(chair.getByRole("status").filter({ hasText: "2 people given a role; 1 account created." })).toBeVisible();
  const ben = (await issued.getByRole("row", { name: /ben@dfa\.ie/ }).locator("code").textContent()) ?? "";
  await expect(people.getByRole("row", { name: /Ana Souza/ })).toContainText("Brazil");
  await expect(people.getByRole("row", { name: /Ben Murphy/ })).toContainText("Ireland");
  for (const [email, password] of [["ana@mre.gov.br", ana], ["ben@dfa.ie", ben]] as const) {
    const page = await (await browser.newContext({ baseURL: server.url })).newPage();
    await signInAs(page, "/sign-in", email, password);
    await expect(page.getByRole("link", { name: /Friends of the chair/ })).toBeVisible();
    await page.context().close();
  }
  await chair.context().close();
});

test("on a phone, the chair changes a role from the table and revokes one: each result is said in view, where the focus is", async ({ browser, server }) => {
  const { chair, section, people } = await listPage(browser, server, "Bureau consultations", { viewport: { width: 390, height: 844 } });
  // The chair's own address in a list is refused, and the table holds what the message says: a role control on the chair's row.
  await section.getByRole("textbox").fill("chair@example.org, Chair, , observer");
  await section.getByRole("button", { name: "Add them" }).click();
  await expect(section.getByRole("alert")).toContainText("line 1: that is you; change your own role in the table");
  await expect(section.getByRole("textbox")).toBeFocused();
  const self = people.getByRole("row", { name: /Chair \(you\)/ });
  await expect(self.getByRole("button", { name: "Change role" })).toBeVisible();
  await expect(self.getByRole("button", { name: "Revoke" })).toHaveCount(0);

  await section.getByRole("textbox").fill("albania@example.org, Delegate of Albania, ALB\nbelarus@example.org, Delegate of Belarus, BLR");
  await section.getByRole("button", { name: "Add them" }).click();
  const added = section.getByRole("status").filter({ hasText: "2 people given a role; 0 accounts created." });
  await expect(added).toBeFocused();
  await expect(added).toBeInViewport();

  // Change role: the Grant form holds the person and their role, in view, the focus on the role.
  const albania = people.getByRole("row", { name: /Delegate of Albania/ });
  await albania.getByRole("button", { name: "Change role" }).click();
  const grant = chair.getByRole("region", { name: "Grant a role" });
  const role = grant.getByRole("combobox", { name: "Role" });
  await expect(role).toBeFocused();
  await expect(role).toBeInViewport();
  await expect(role).toHaveValue("delegate");
  await expect(grant.getByRole("combobox", { name: "Person" })).toHaveValue("albania@example.org");
  await expect(grant.getByRole("combobox", { name: "Delegation" })).toHaveValue("ALB");
  await expect(role).toHaveAccessibleDescription("Delegate of Albania is Delegate (Albania) now. The role you grant replaces it.");
  await role.selectOption("observer");
  await expect(grant.getByRole("combobox", { name: "Delegation" })).toBeDisabled();
  await grant.getByRole("button", { name: "Grant" }).click();
  await expect(grant.getByRole("status")).toHaveText("Role granted: Delegate of Albania is now Observer.");
  await expect(grant.getByRole("status")).toBeInViewport();
  await expect(albania.locator("td").nth(2)).toHaveText("Observer");
  await expect(albania.locator("td").nth(3)).toHaveText("—");

  // The only chair cannot give up the chair: said under the form, as an alert.
  await self.getByRole("button", { name: "Change role" }).click();
  await expect(role).toBeFocused();
  await role.selectOption("observer");
  await grant.getByRole("button", { name: "Grant" }).click();
  await expect(grant.getByRole("alert")).toHaveText("a document needs at least one chair");
  await expect(grant.getByRole("alert")).toBeInViewport();

  // Revoke: the row goes, and its place says so, with the focus.
  chair.once("dialog", (d) => void d.accept());
  await people.getByRole("row", { name: /Delegate of Belarus/ }).getByRole("button", { name: "Revoke" }).click();
  const revoked = people.getByRole("status");
  await expect(revoked).toHaveText("Delegate of Belarus's role revoked. Grant a role again to give it back.");
  await expect(revoked).toBeFocused();
  await expect(revoked).toBeInViewport();
  await expect(people.getByRole("row", { name: /Delegate of Belarus/ })).toHaveCount(0);
  await chair.context().close();
});

test("on a desktop, the Grant form's three lists and its button stand in one line, under labels of one line each", async ({ browser, server }) => {
  const { chair } = await listPage(browser, server, "Layout check", { viewport: { width: 1366, height: 768 } });
  const grant = chair.getByRole("region", { name: "Grant a role" });
  const boxes = await Promise.all(["Person", "Role", "Delegation"].map(async (name) => (await grant.getByRole("combobox", { name }).boundingBox())!));
  const labels = await Promise.all(["Person", "Role", "Delegation"].map(async (name) => (await grant.locator("label").filter({ hasText: name }).boundingBox())!));
  for (const box of boxes) expect(Math.abs(box.y - boxes[0]!.y)).toBeLessThan(1);
  for (const label of labels) expect(Math.abs(label.height - labels[0]!.height)).toBeLessThan(1);
  const button = (await grant.getByRole("button", { name: "Grant" }).boundingBox())!;
  expect(Math.abs(button.y + button.height - (boxes[0]!.y + boxes[0]!.height))).toBeLessThan(6);
  await chair.context().close();
});

/** A minimal Word file whose body is `body` (WordprocessingML paragraphs). */
function wordFile(body: string): Buffer {
  const xml = (s: string) => [strToU8(`<?xml version="1.0"?>${s}`), { level: 9 }] as [Uint8Array, { level: 9 }];
  return Buffer.from(
    zipSync({
      "[Content_Types].xml": xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      "_rels/.rels": xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      "word/document.xml": xml(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
    }),
  );
}

test("a delegate whose role was revoked while the laptop was offline is told so when it is back, not left 'reconnecting' for ever (the upgrade's 403 reaches the page as a bare close)", async ({ browser, server }) => {
  const [chair, delegate] = [await personPage(browser, server, "chair"), await personPage(browser, server, "albania")];
  const headers = { origin: server.url };
  const { id } = (await (await chair.request.post("/api/documents", { data: { title: `Offline revocation ${Date.now()}` }, headers })).json()) as { id: string };
  expect((await chair.request.post(`/api/documents/${id}/participants`, { data: { email: "albania@example.org", role: "delegate" }, headers })).status()).toBeLessThan(300);
  await delegate.goto(`/documents/${id}`);
  await expect(delegate.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  await delegate.context().setOffline(true);
  await expect(delegate.getByTestId("connection")).toHaveAttribute("data-state", "offline");
  const participants = ((await (await chair.request.get(`/api/documents/${id}/participants`)).json()) as { participants: { userId: string; email: string }[] }).participants;
  const albania = participants.find((p) => p.email === "albania@example.org")!;
  expect((await chair.request.delete(`/api/documents/${id}/participants/${albania.userId}`, { headers })).status()).toBeLessThan(300);
  await delegate.context().setOffline(false);
  await expect(delegate.getByTestId("connection")).toHaveAttribute("data-state", "ended", { timeout: 15_000 });
  await expect(delegate.getByRole("alert").filter({ hasText: "Access ended: your role on this document was revoked. Reload to continue." })).toBeVisible();
  await chair.context().close();
  await delegate.context().close();
});
