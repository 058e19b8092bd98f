/**
 * Headings keep a command-line flag as written (`--link`; smart punctuation's dashes are off
 * for the site), and keep the id they had when `--` was typeset as an en dash and dropped
 * from the slug: "When --link does nothing" is `#when-link-does-nothing`, as links to it
 * have always said. Ids of headings without `--` are left to Astro.
 */
import type { AstroIntegration } from 'astro';
import type { HastPluginDefinition } from 'satteri';

/** A heading's id the way GitHub's slugger writes it, with the flags' leading dashes left out. */
export function flagHeadingId(text: string): string {
  return text
    .replaceAll(/(^|\s)--(?=\w)/g, '$1')
    .toLowerCase()
    .replaceAll(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replaceAll(/\s/g, '-');
}

export function flagHeadingIds(): HastPluginDefinition {
  return {
    name: 'layerwise:flag-heading-ids',
    element: {
      filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
      visit(node, ctx) {
        if (typeof node.properties?.id === 'string') return;
        const text = ctx.textContent(node);
        if (/(^|\s)--\w/.test(text)) ctx.setProperty(node, 'id', flagHeadingId(text));
      },
    },
  };
}

interface SatteriOptions {
  hastPlugins: unknown[];
  features: Record<string, unknown>;
}

/**
 * Turns smart punctuation's dashes off (quotes and ellipses stay) and sets the flag headings'
 * ids, on Astro's Markdown processor (Sätteri), for .md and .mdx alike. Listed before
 * Starlight, so its heading links see the ids.
 */
export function flagHeadings(): AstroIntegration {
  return {
    name: 'layerwise:flag-headings',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const processor = config.markdown.processor as { name?: string; options?: SatteriOptions } | undefined;
        if (processor?.name !== 'satteri' || !processor.options) {
          logger.warn('Markdown processor is not Sätteri: `--` in headings may be typeset as a dash.');
          return;
        }
        processor.options.features.smartPunctuation = { dashes: false };
        processor.options.hastPlugins.unshift(flagHeadingIds());
      },
    },
  };
}
