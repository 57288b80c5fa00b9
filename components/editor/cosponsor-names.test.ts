import { describe, expect, it } from "vitest";
import { cosponsorNames } from "./cosponsor-names";

const ten = ["Nicaragua", "Burundi", "Syrian Arab Republic", "Venezuela", "Cuba", "Sudan", "DPRK", "Iran", "Russian Federation", "China"];

describe("cosponsorNames", () => {
  it("names up to three co-sponsors in full", () => {
    expect(cosponsorNames(["Cuba"], null)).toEqual({ shown: ["Cuba"], hidden: 0 });
    expect(cosponsorNames(ten.slice(0, 3), null)).toEqual({ shown: ten.slice(0, 3), hidden: 0 });
  });

  it("names the first two of a long list and counts the rest", () => {
    expect(cosponsorNames(ten, null)).toEqual({ shown: ["Nicaragua", "Burundi"], hidden: 8 });
  });

  it("always names the viewer's own delegation", () => {
    expect(cosponsorNames(ten, "China")).toEqual({ shown: ["Nicaragua", "Burundi", "China"], hidden: 7 });
    expect(cosponsorNames(ten, "Burundi")).toEqual({ shown: ["Nicaragua", "Burundi"], hidden: 8 });
  });
});
