/** How resolutions and decisions open their preambular and operative parts. */

/** Words and phrases that open preambular paragraphs of resolutions and decisions. */
const PREAMBULAR_OPENERS = [
  "Acknowledging", "Affirming", "Alarmed", "Appreciating", "Approving", "Aware", "Bearing in mind",
  "Believing", "Cognizant", "Cognisant", "Commending", "Concerned", "Condemning", "Conscious",
  "Considering", "Convinced", "Declaring", "Deploring", "Desiring", "Determined", "Emphasizing",
  "Emphasising", "Encouraged", "Encouraging", "Expressing", "Guided",
  "Highlighting", "Keeping in mind", "Mindful", "Noting", "Observing", "Reaffirming", "Realizing",
  "Recalling", "Recognizing", "Recognising", "Referring", "Regretting", "Reiterating", "Seeking",
  "Stressing", "Taking into account", "Taking into consideration", "Taking note", "Underlining",
  "Underscoring", "Welcoming",
];

/** "Further recalling", "Deeply concerned", "Also noting": adverbs that may precede the opener. */
const ADVERB = /^(?:Also|Further|Furthermore|Deeply|Fully|Gravely|Seriously|Strongly)\s+/;

/** "Having considered", "Having examined", "Having heard the report of ...". */
const HAVING = /^Having\s+\p{Ll}+(?:ed|en|rd)\b/u;

/**
 * Lines that introduce the operative part: "Decides to:", "Decides:", "Agrees as follows:".
 * Kept short so that an ordinary sentence ending in a colon is not taken for one.
 */
const OPERATIVE_LEAD_IN = /^(?:(?:Also|Further)\s+)?(?:Decides|Decided|Agrees|Adopts|Resolves|Requests|Calls upon|Urges|Invites|Recommends|Declares)\b[^.;]{0,60}:$/;

/** Whether a paragraph opens like a preambular paragraph ("Noting ...", "Further recalling ..."). */
export function startsPreambular(text: string): boolean {
  if (HAVING.test(text)) return true;
  const bare = text.replace(ADVERB, "");
  const opener = bare === text ? text : bare.charAt(0).toUpperCase() + bare.slice(1);
  return PREAMBULAR_OPENERS.some((w) => opener.startsWith(`${w} `) || opener.startsWith(`${w},`));
}

/** Whether a line introduces the operative part of a decision ("Decides to:"). */
export function isOperativeLeadIn(text: string): boolean {
  return OPERATIVE_LEAD_IN.test(text);
}
