// Whether a page scrolls sideways: the document's full width against the window's. (A string expression: the
// project type-checks without the DOM library.)
import type { Page } from "playwright-core";

export const documentWidth = (page: Page): Promise<number> => page.evaluate("document.documentElement.scrollWidth") as Promise<number>;

/** Sets the window's width and says how wide the document is at it. */
export async function widthAt(page: Page, width: number, height = 800): Promise<number> {
  await page.setViewportSize({ width, height });
  return documentWidth(page);
}
