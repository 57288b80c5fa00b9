import { z } from "zod";
import { ROLES, type Role } from "./roles";
import { lineField } from "./validation/text";

/** One line of a participant list, read and checked. */
export interface ListedParticipant {
  /** 1-based line number in the pasted list. */
  line: number;
  email: string;
  name: string;
  /** Delegation code, or null for none (observers, chairs). */
  delegation: string | null;
  role: Role;
}

/** The most lines one list may hold: every Member State with two people, and room to spare. */
export const MAX_LISTED_PARTICIPANTS = 500;

const Email = z.string().trim().toLowerCase().email();
const Name = lineField(120, { min: 1 });

/**
 * A line's fields: tab-separated (a spreadsheet's rows pasted) or comma-separated, a field
 * in double quotes may hold commas ("Delegate of Korea, Republic of") and "" for a quote.
 */
export function splitFields(line: string): string[] {
  const sep = line.includes("\t") ? "\t" : ",";
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (c === sep) {
      fields.push(field.trim());
      field = "";
    } else field += c;
  }
  fields.push(field.trim());
  return fields;
}

/**
 * Reads a list a chair pasted, one person a line: `email, name, delegation, role`. The
 * delegation is a code ("DEU") or a name as the list of delegations has it ("Germany"), in
 * any case, or empty; the role is chair, delegate or observer, and when left out a delegate
 * if a delegation is given, an observer if not. Blank lines and lines starting with "#" are
 * skipped, and so is a header line starting with "email". Every line is checked; the errors
 * name their line, and a list with any error is taken as a whole or not at all.
 */
export function parseParticipantList(
  text: string,
  delegations: readonly { code: string; name: string }[],
): { entries: ListedParticipant[]; errors: string[] } {
  const byKey = new Map<string, string>();
  for (const d of delegations) {
    byKey.set(d.code.toLowerCase(), d.code);
    byKey.set(d.name.toLowerCase(), d.code);
  }
  const entries: ListedParticipant[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  const lines = text.split(/\r\n|\n|\r/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim() || raw.trim().startsWith("#")) return;
    const fields = splitFields(raw);
    if (entries.length === 0 && errors.length === 0 && /^e-?mail$/i.test(fields[0] ?? "")) return;
    const [rawEmail = "", rawName = "", rawDelegation = "", rawRole = "", ...rest] = fields;
    const problems: string[] = [];
    if (rest.some((f) => f !== "")) problems.push("more than four fields (email, name, delegation, role)");
    const email = Email.safeParse(rawEmail);
    if (!email.success) problems.push(rawEmail ? `"${rawEmail}" is not an email address` : "no email address");
    const name = Name.safeParse(rawName);
    if (!name.success) problems.push(rawName ? `the name ${name.error.issues[0]?.message ?? "is not valid"}` : "no name");
    const delegation = rawDelegation ? (byKey.get(rawDelegation.toLowerCase()) ?? null) : null;
    if (rawDelegation && !delegation) problems.push(`no delegation "${rawDelegation}" (give its code, such as DEU, or its name)`);
    const role = (rawRole ? rawRole.toLowerCase() : delegation ? "delegate" : "observer") as Role;
    if (!ROLES.includes(role)) problems.push(`the role "${rawRole}" is not chair, delegate or observer`);
    else if (role === "delegate" && !rawDelegation) problems.push("a delegate needs a delegation");
    if (email.success) {
      const first = seen.get(email.data);
      if (first !== undefined) problems.push(`${email.data} is on line ${first} already`);
      else seen.set(email.data, line);
    }
    if (problems.length > 0) {
      errors.push(`line ${line}: ${problems.join("; ")}`);
      return;
    }
    entries.push({ line, email: email.data!, name: name.data!, delegation, role });
  });
  if (entries.length + errors.length > MAX_LISTED_PARTICIPANTS) {
    return { entries: [], errors: [`the list has ${entries.length + errors.length} people; add at most ${MAX_LISTED_PARTICIPANTS} at a time`] };
  }
  if (entries.length === 0 && errors.length === 0) errors.push("the list is empty: one person a line, as email, name, delegation, role");
  return { entries, errors };
}
