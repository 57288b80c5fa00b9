import type { Locator, Page } from "@playwright/test";
import { documentId, editor, expect, OSCE, signIn, test } from "./fixtures";
import type { PlenaryServer } from "./server-process";

// The chair scans the text for what blocks consensus: each kind of position is drawn in its
// own shape (line and mark), not in colour alone (WCAG 1.4.1), also in Windows high contrast.

/** The line under a position's words, colours aside: forced colours repaint colours, never shapes. */
function line(target: Locator): Promise<string> {
  return target.evaluate((el) => {
    const s = getComputedStyle(el);
    return [s.textDecorationLine, s.textDecorationStyle, s.borderBottomStyle].join(" ");
  });
}

/** The mark drawn before a position's words (CSS generated content: no text to copy or search). */
function glyph(target: Locator): Promise<string> {
  return target.evaluate((el) => getComputedStyle(el, "::before").content);
}

/** Whether the element's text colour differs from the page's: what it draws can be seen. */
function seen(target: Locator): Promise<boolean> {
  return target.evaluate((el) => getComputedStyle(el).color !== getComputedStyle(document.body).backgroundColor);
}

async function openAsChair(page: Page, server: PlenaryServer): Promise<void> {
  await signIn(page, server, "chair");
  await page.goto(`/documents/${await documentId(page, OSCE)}`);
  await expect(page.getByTestId("connection")).toHaveAttribute("data-state", "synced");
}

for (const forcedColors of ["none", "active"] as const) {
  test(`objections, reservations and supports look different in the text, not only by colour, and say what they are (forced colours: ${forcedColors})`, async ({ browser, server }) => {
    const context = await browser.newContext({ baseURL: server.url, forcedColors });
    const chair = await context.newPage();
    await openAsChair(chair, server);
    const text = editor(chair);

    // The seed: Belarus objects to, and Albania supports, the same words; the Russian
    // Federation reserves its position on others.
    const objection = text.locator(".ann-objection", { hasText: "human rights" });
    const support = text.locator(".ann-support", { hasText: "human rights" });
    const reservation = text.locator(".ann-reservation", { hasText: "public and private sectors" });
    for (const span of [objection, support, reservation]) await expect(span).toHaveCount(1);

    const shapes = { objection: await line(objection), reservation: await line(reservation), support: await line(support) };
    for (const [kind, shape] of Object.entries(shapes)) expect(shape, `${kind} draws a line`).toMatch(/underline|solid|double|dashed|dotted/);
    expect(shapes.objection, "an objection is drawn like a reservation").not.toBe(shapes.reservation);
    expect(shapes.objection, "an objection is drawn like the support on the same words").not.toBe(shapes.support);
    expect(shapes.reservation, "a reservation is drawn like a support").not.toBe(shapes.support);

    // Before its words, each position has a mark that names it (kind and delegation) for a
    // screen reader, its shape told apart by kind and seen in forced colours too.
    // (Other specs on this server file positions of their own: each mark is found by its position.)
    const markOf = async (span: Locator) => text.locator(`.ann-mark[data-annotation-id="${await span.getAttribute("data-annotation-id")}"]`);
    const objectionMark = await markOf(objection);
    const reservationMark = await markOf(reservation);
    for (const mark of [objectionMark, reservationMark]) await expect(mark).toHaveRole("img");
    await expect(objectionMark).toHaveAccessibleName("Objection by Belarus with 10 co-sponsors");
    await expect(reservationMark).toHaveAccessibleName("Reservation by Russian Federation");
    await expect(await markOf(support)).toHaveAccessibleName("Support by Albania");
    const [objectionGlyph, reservationGlyph] = [await glyph(objectionMark), await glyph(reservationMark)];
    expect(objectionGlyph).not.toMatch(/^(none|normal|"")$/);
    expect(objectionGlyph, "an objection's mark is a reservation's").not.toBe(reservationGlyph);
    expect(await seen(objectionMark), "the objection's mark is the page's colour").toBe(true);
    // The marks are no words: the paragraph reads as it did.
    await expect(objection.locator("xpath=ancestor::*[@data-number]")).toContainText("their responsibilities to respect human rights and fundamental freedoms");

    // A legend beside the text shows the same shapes, named.
    const legend = chair.getByRole("list", { name: "Marks in the text" });
    for (const [kind, shape] of Object.entries(shapes)) {
      const item = legend.getByRole("listitem").filter({ hasText: new RegExp(`^\\W*${kind}`, "i") });
      await expect(item).toHaveCount(1);
      expect(await line(item.locator(".legend-line")), `the legend's ${kind}`).toBe(shape);
    }
    expect(await glyph(legend.getByRole("listitem").filter({ hasText: /objection/i }).locator(".ann-mark"))).toBe(objectionGlyph);
    await context.close();
  });
}
