/**
 * Ends a sentence with a full stop, unless it ends with one already: "… on 3." for
 * paragraph 3., and a quotation that ends its own sentence (': “Out of scope.”', '“Why?”').
 */
export function sentence(text: string): string {
  return /[.!?…][”’"'»)]*$/.test(text) ? text : `${text}.`;
}
