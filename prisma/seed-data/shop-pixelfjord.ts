import { csv, dedent } from "./text.ts";
import type { ListingSeed, ShopSeed } from "./types.ts";

/** A Berlin designer selling Midjourney prompt systems and Notion / Figma-style templates in EUR. */

const nordicProductPhotography: ListingSeed = {
  slug: "nordic-light-product-photography",
  type: "PROMPT",
  status: "PUBLISHED",
  publishedDaysAgo: 89,
  title: "Nordic Light Product Photography",
  tagline: "Soft-daylight product shots for Midjourney that look like a real studio shoot.",
  description: dedent`
    Clean, bright, Scandinavian-style product photography: soft window light, pale oak and linen, gentle shadows, nothing that screams "AI render". Built for shop owners who need lifestyle images for ceramics, skincare, candles, textiles and small homeware.

    The prompt is a template with slots for the product, surface, props and camera angle, and comes with tested parameter combinations for hero shots (wide), detail shots (macro) and flat lays. I include the reasoning for each parameter so you can adapt it rather than copy it blindly.

    Tested on Midjourney v6.1 and v7.
  `,
  teaser:
    "A slot-based prompt for product images in soft Nordic daylight, with three tested camera setups (hero, macro detail, flat lay) and parameter notes for each.",
  aiModels: ["Midjourney"],
  category: "Design",
  priceAmount: 690,
  currency: "EUR",
  body: dedent`
    BASE TEMPLATE
    professional product photograph of [PRODUCT, with material and colour], placed on [SURFACE: pale oak table / off-white linen / travertine slab], soft diffused morning window light from the left, gentle long shadows, [PROP 1] and [PROP 2] slightly out of focus in the background, muted Scandinavian palette of [2-3 COLOURS], calm and airy mood, shot on a medium format camera, 80mm lens, f/4, natural colour grading, high detail on texture --ar [RATIO] --style raw --stylize 80

    SETUP A — HERO (website banner)
    Use RATIO 16:9. Add: "wide composition, product placed on the right third, generous negative space on the left for text".

    SETUP B — DETAIL (texture, ingredients, craft)
    Use RATIO 4:5. Replace lens part with: "100mm macro lens, f/2.8, extremely shallow depth of field, focus on [DETAIL: glaze drip / stitching / wax surface]".

    SETUP C — FLAT LAY (social posts)
    Use RATIO 1:1. Replace the light line with: "top-down view, even soft light from above, arranged with [3-5 RELATED OBJECTS] in a loose asymmetric grid".

    PARAMETER NOTES
    --style raw keeps Midjourney from over-beautifying and makes surfaces read as real.
    --stylize 50-100 is the sweet spot; above 200 the light turns cinematic and loses the Nordic calm.
    For brand consistency, add your own reference image with --sref [IMAGE URL] and --sw 60.
    Avoid the words "minimalist" and "aesthetic": they push the model toward generic stock imagery.

    NEGATIVE GUIDANCE (append if needed)
    --no harsh shadows, neon, plastic sheen, text, watermark, busy background
  `,
  instructions: dedent`
    Start with setup A and one product. Once you like the light, lock it with a style reference (--sref) from your favourite result and reuse it across your catalogue for a consistent shop look.

    If your product has a logo, generate without it and add the real logo in an editor: Midjourney still garbles small text.
  `,
  examples: [
    {
      input:
        "Setup B, product: hand-thrown stoneware mug with speckled oatmeal glaze; detail: glaze drip at the base.",
      output:
        "Result: a close crop of the mug's foot with a honey-coloured glaze drip in sharp focus, oak grain melting into a soft blur, cool morning light from the left. Best of the grid: image 3 with --stylize 60.",
    },
    {
      input:
        "Setup C, product: natural soap bars; objects: dried lavender, a linen towel, a wooden brush, a ceramic dish.",
      output:
        "Result: top-down flat lay on off-white linen, three soap bars stacked off-centre, lavender sprigs at the top edge, soft even light with faint shadows. Usable as-is for an Instagram grid post.",
    },
  ],
};

const isometricIconSet: ListingSeed = {
  slug: "isometric-3d-icon-set",
  type: "PROMPT",
  status: "PUBLISHED",
  publishedDaysAgo: 83,
  title: "Isometric 3D Icon Set Generator",
  tagline: "Consistent, soft-3D isometric icons for apps and landing pages.",
  description: dedent`
    Generating one nice 3D icon is easy. Generating twelve that look like they belong together is hard. This prompt system fixes the camera angle, the materials, the lighting and the palette, so the only thing that changes between icons is the object.

    Works in Midjourney and DALL·E (with a DALL·E-specific version of the template), and includes a checklist for cleaning up icons before you put them on a website.
  `,
  teaser:
    "A locked style block (angle, material, light, palette) plus an object slot, so a whole icon set stays consistent. Separate templates for Midjourney and DALL·E.",
  aiModels: ["Midjourney", "DALL·E"],
  category: "Design",
  priceAmount: 800,
  currency: "EUR",
  // Priced in euros and dollars: the currency switcher changes what this listing costs.
  tiers: [
    {
      name: "Personal",
      licenseText: "Use the icons you make in your own projects and one client project.",
      activationLimit: 2,
      prices: [
        { amount: 800, currency: "EUR" },
        { amount: 900, currency: "USD" },
      ],
    },
    {
      name: "Commercial",
      licenseText: "Use the icons you make in any number of client and commercial projects.",
      activationLimit: 5,
      prices: [
        { amount: 2400, currency: "EUR" },
        { amount: 2600, currency: "USD" },
      ],
    },
  ],
  body: dedent`
    STYLE BLOCK (never change this between icons)
    isometric 3D icon, 30-degree isometric angle, soft clay material with subtle matte finish, rounded edges, studio lighting from top-left with soft ambient occlusion, pastel palette of [PRIMARY COLOUR] and [SECONDARY COLOUR] with white accents, centred on a plain [BACKGROUND COLOUR] background, no text, no shadows on background

    MIDJOURNEY TEMPLATE
    [OBJECT, described in 3-6 words], [STYLE BLOCK] --ar 1:1 --style raw --stylize 150 --sref [URL OF YOUR FIRST APPROVED ICON] --sw 100

    DALL·E TEMPLATE
    Create a single [OBJECT] as an [STYLE BLOCK]. The object fills about 60% of the square canvas. Keep exactly the same camera angle, material and lighting as a set of app icons.

    OBJECT IDEAS FOR A SAAS SET
    calendar with a check mark, padlock, paper plane, bar chart, gear, speech bubble, folder, credit card, magnifying glass, rocket, cloud with arrow, user silhouette

    CONSISTENCY WORKFLOW
    1. Generate the first icon until you love it. That image becomes your --sref for every other icon.
    2. Describe objects with the same level of detail (3-6 words); long descriptions add detail that breaks the set.
    3. Generate all icons, then pick the best of each grid side by side, not one at a time.
    4. Remove backgrounds and export at 512 px; check them at 32 px, where inconsistencies show.
  `,
  instructions:
    "Choose two colours from your brand palette and a background close to your website's background. In DALL·E, generate one icon per message in the same conversation so it keeps the style.",
  examples: [
    {
      input: "Object: padlock with a keyhole; colours: lavender and mint; background: very light grey.",
      output:
        "Result: a chunky matte lavender padlock with a mint keyhole, seen at 30°, soft shadow underneath, clean grey background. Matches the calendar icon from the previous run when using it as --sref.",
    },
    {
      input: "DALL·E template, object: paper plane.",
      output:
        "Result: a rounded pastel paper plane in soft clay, tilted upwards, with the same top-left light as the rest of the set. Needed one retry because the first version added a dotted trail.",
    },
  ],
};

const editorialPortraitLighting: ListingSeed = {
  slug: "editorial-portrait-lighting-pack",
  type: "PROMPT",
  status: "PUBLISHED",
  publishedDaysAgo: 77,
  title: "Editorial Portrait Lighting Pack",
  tagline: "Twelve classic photography lighting setups, translated into prompts.",
  description: dedent`
    Portrait prompts usually describe the person and forget the light, which is what makes a photo look expensive. This pack translates twelve lighting setups that photographers actually use (Rembrandt, butterfly, split, clamshell, rim, window, golden hour, neon gel and more) into prompt language that Midjourney and Stable Diffusion understand.

    Each setup has a short explanation of what it does to a face, when to use it, the prompt fragment, and the mistakes the models tend to make with it. A CSV lets you filter setups by mood.
  `,
  teaser:
    "Twelve named lighting setups as reusable prompt fragments, with what each does to a face and the typical model mistakes. Includes a mood-filterable CSV.",
  aiModels: ["Midjourney", "Stable Diffusion"],
  category: "Design",
  priceAmount: 950,
  currency: "EUR",
  body: dedent`
    HOW TO USE
    editorial portrait of [SUBJECT: age, look, clothing], [EXPRESSION], [LIGHTING FRAGMENT], [BACKGROUND], shot on 85mm lens, f/2, [FILM OR COLOUR GRADE] --ar 4:5 --style raw
    For Stable Diffusion (SDXL): same order, comma-separated; add the negative prompt at the end of this pack.

    LIGHTING FRAGMENTS
    1. Rembrandt — "single softbox at 45 degrees camera left, small triangle of light on the shadow-side cheek, deep soft shadows" — drama, character, authority.
    2. Butterfly — "beauty dish directly above and in front, small shadow under the nose, even bright cheekbones" — beauty, glamour.
    3. Split — "hard light from exactly 90 degrees camera right, half the face in shadow" — mystery, tension.
    4. Clamshell — "soft light from above and a white reflector below the chin, shadowless glowing skin" — skincare, beauty ads.
    5. Rim — "strong backlight outlining hair and shoulders, face lit softly from the front, dark background" — athletic, cinematic.
    6. Window — "large north-facing window light from the side, gentle falloff into shadow" — honest, documentary.
    7. Golden hour — "low warm sun behind the subject, lens flare, warm glow on skin" — warmth, lifestyle.
    8. Overcast — "soft overcast daylight, no direct shadows, muted colours" — natural, calm.
    9. Neon gel — "magenta gel light from the left and cyan gel light from the right, dark room" — nightlife, tech.
    10. Hard flash — "direct on-camera flash, crisp shadow behind the subject on the wall" — fashion, candid 2000s.
    11. Loop — "key light slightly above eye level at 30 degrees, small loop shadow from the nose" — corporate headshots.
    12. Low key — "single narrow spotlight, most of the frame in black, only eyes and cheekbones lit" — fine art.

    COMMON MODEL MISTAKES
    - Rembrandt often becomes flat: add "deep soft shadows" and lower --stylize.
    - Split light gets softened: add "hard light, crisp shadow edge".
    - Neon gel turns into a cyberpunk scene: add "simple studio background" to keep it a portrait.

    SDXL NEGATIVE PROMPT
    plastic skin, over-smoothed, extra fingers, deformed hands, oversaturated, HDR, watermark, text, frame
  `,
  instructions:
    "Pick the lighting by mood first (see the CSV), then write the subject. Change one thing at a time: if you change the light and the subject in the same run you won't know which made the difference.",
  examples: [
    {
      input:
        "Subject: woman in her sixties with silver bob, navy turtleneck; expression: quiet confidence; lighting: Rembrandt; background: charcoal paper backdrop.",
      output:
        "Result: a painterly, magazine-feature portrait with the classic triangle of light on her right cheek and soft charcoal falloff. Looks like a business magazine cover.",
    },
    {
      input: "Same subject with Clamshell lighting for a skincare ad.",
      output:
        "Result: luminous, almost shadowless skin and catchlights in both eyes; the reflector fill reads clearly under the chin. Needed 'natural skin texture' added to avoid an airbrushed look.",
    },
    {
      input: "SDXL: young cyclist, rim lighting, dark background.",
      output:
        "Result: glowing outline on helmet and shoulders, face softly lit, dramatic sports-campaign feel. Negative prompt removed the extra-fingers issue on the handlebars.",
    },
  ],
  files: [
    {
      fileName: "lighting-setups.csv",
      contentType: "text/csv",
      build: () =>
        csv([
          ["number", "setup", "mood", "best_for", "prompt_fragment"],
          [
            1,
            "Rembrandt",
            "dramatic",
            "author photos, leadership",
            "single softbox at 45 degrees camera left, small triangle of light on the shadow-side cheek, deep soft shadows",
          ],
          [
            2,
            "Butterfly",
            "glamorous",
            "beauty, fashion",
            "beauty dish directly above and in front, small shadow under the nose, even bright cheekbones",
          ],
          [
            3,
            "Split",
            "mysterious",
            "music, editorials",
            "hard light from exactly 90 degrees camera right, half the face in shadow",
          ],
          [
            4,
            "Clamshell",
            "fresh",
            "skincare, cosmetics",
            "soft light from above and a white reflector below the chin, shadowless glowing skin",
          ],
          [
            5,
            "Rim",
            "cinematic",
            "sports, campaigns",
            "strong backlight outlining hair and shoulders, face lit softly from the front, dark background",
          ],
          [
            6,
            "Window",
            "honest",
            "documentary, team pages",
            "large north-facing window light from the side, gentle falloff into shadow",
          ],
          [
            7,
            "Golden hour",
            "warm",
            "lifestyle, travel",
            "low warm sun behind the subject, lens flare, warm glow on skin",
          ],
          [
            8,
            "Overcast",
            "calm",
            "wellness, outdoor",
            "soft overcast daylight, no direct shadows, muted colours",
          ],
          [
            9,
            "Neon gel",
            "energetic",
            "tech, nightlife",
            "magenta gel light from the left and cyan gel light from the right, dark room",
          ],
          [
            10,
            "Hard flash",
            "candid",
            "fashion, streetwear",
            "direct on-camera flash, crisp shadow behind the subject on the wall",
          ],
          [
            11,
            "Loop",
            "trustworthy",
            "corporate headshots",
            "key light slightly above eye level at 30 degrees, small loop shadow from the nose",
          ],
          [
            12,
            "Low key",
            "intense",
            "fine art, posters",
            "single narrow spotlight, most of the frame in black, only eyes and cheekbones lit",
          ],
        ]),
    },
    {
      fileName: "portrait-prompt-pack.md",
      contentType: "text/markdown",
      build: () => {
        const subjects = [
          "a jazz pianist in his seventies, tweed jacket",
          "a startup founder in her thirties, white shirt",
          "a teenage skateboarder, oversized hoodie",
          "a chef with tattooed forearms, black apron",
        ];
        const lights = ["Rembrandt", "Window", "Rim", "Loop"];
        const lines = ["# Portrait prompt pack — 16 ready-to-run prompts", ""];
        let n = 1;
        for (const subject of subjects) {
          for (const light of lights) {
            lines.push(
              `${n}. editorial portrait of ${subject}, relaxed expression, ${light} lighting as in the pack, plain studio backdrop, shot on 85mm lens, f/2, subtle film grain --ar 4:5 --style raw`,
            );
            n++;
          }
        }
        lines.push(
          "",
          "Tip: keep the subject fixed and cycle through lighting fragments to build a consistent series.",
          "",
        );
        return lines.join("\n");
      },
    },
  ],
};

const brandMoodboardSystem: ListingSeed = {
  slug: "brand-moodboard-prompt-system",
  type: "PROMPT",
  status: "PUBLISHED",
  publishedDaysAgo: 70,
  title: "Brand Moodboard Prompt System",
  tagline: "From a brand brief to a six-tile Midjourney moodboard in one session.",
  description: dedent`
    A two-stage system I use at the start of every branding project. Stage one runs in ChatGPT: it turns a client brief into three distinct visual directions with names, keywords, palettes and references. Stage two turns each direction into six Midjourney prompts (texture, typography feel, environment, object, people, pattern) that together form a moodboard.

    Clients react to pictures, not adjectives. This gets you to pictures in an afternoon, and the three directions make the conversation about choices instead of taste.
  `,
  teaser:
    "Stage one turns a brief into three named visual directions; stage two expands each into six moodboard tiles for Midjourney.",
  aiModels: ["Midjourney", "ChatGPT"],
  category: "Design",
  priceAmount: 1200,
  currency: "EUR",
  body: dedent`
    STAGE 1 — DIRECTIONS (ChatGPT)
    You are a brand strategist and art director. From the brief below, propose three visual directions that are clearly different from each other.
    BRIEF: [COMPANY, PRODUCT, AUDIENCE, 3 VALUES, COMPETITORS, WHAT THEY HATE IN THEIR CATEGORY]
    For each direction give: a name (2-3 words), a one-sentence idea, 6 visual keywords, a 5-colour palette with hex codes and names, a typography feel (not font names), two real-world references (an era, a place, a craft or a movement), and the risk of this direction.
    Make direction 1 the safe one, direction 2 the bold one and direction 3 the unexpected one.

    STAGE 2 — MOODBOARD TILES (Midjourney)
    For each direction, write six prompts using its keywords and palette:
    1. Texture — close-up of [MATERIAL] in [PALETTE], tactile, macro photography --ar 1:1
    2. Typography feel — abstract composition of letterforms inspired by [TYPOGRAPHY FEEL], no readable words --ar 1:1
    3. Environment — interior or place that embodies [IDEA], [LIGHT], editorial photography --ar 3:2
    4. Object — a single everyday object styled in the direction, still life --ar 4:5
    5. People — candid photo of [AUDIENCE] in a moment that reflects [VALUE] --ar 3:2
    6. Pattern — seamless pattern built from [REFERENCE] motifs in [PALETTE] --tile --ar 1:1
    Add "--style raw --stylize 100" to every prompt, and use the same --seed within a direction.
  `,
  instructions:
    "Run stage 1 with the client brief, then stage 2 for each direction. Arrange the tiles in a 3×2 grid (Figma or Milanote work well) and present all three directions before asking for a preference.",
  examples: [
    {
      input:
        "Brief: a family-run olive oil brand from Crete, selling online to German customers, values: honest, generous, slow.",
      output: dedent`
        Direction 1 "Stone & Leaf" (safe): whitewashed stone, silver olive leaves, hand-lettered labels. Palette: #F4F1EA Lime Wash, #8A9A5B Olive Leaf, #3E4A3D Grove, #C9A66B Straw, #2B2B2B Press.
        Direction 2 "Kafeneio Loud" (bold): bright blue shutters, hand-painted signage, chipped enamel.
        Direction 3 "Oil as Archive" (unexpected): museum labels, specimen jars, harvest logs.
      `,
    },
    {
      input: "Stage 2 prompt 1 (texture) for 'Stone & Leaf'.",
      output:
        "close-up of rough whitewashed stone wall with a single olive branch casting a soft shadow, palette of lime wash white, olive leaf green and straw, tactile, macro photography --ar 1:1 --style raw --stylize 100 --seed 4412",
    },
  ],
};

const risographPosterStyles: ListingSeed = {
  slug: "risograph-poster-styles",
  type: "PROMPT",
  status: "PUBLISHED",
  publishedDaysAgo: 64,
  title: "Risograph Poster Styles",
  tagline: "Grainy two-colour riso prints for event posters, zines and album covers.",
  description: dedent`
    The look of a risograph print is hard to fake: limited ink colours, misregistration, visible grain, overprinted colours creating a third. This prompt recreates it reliably in Midjourney and comes with a CSV of twenty real riso ink combinations (with names and hex values) so your posters look like they came off a real drum.

    Good for event posters, zine covers, album art and playful editorial illustrations.
  `,
  teaser:
    "A riso-specific prompt structure that forces two-ink palettes, grain and misregistration, plus twenty named ink pairings in a CSV.",
  aiModels: ["Midjourney"],
  category: "Design",
  priceAmount: 700,
  currency: "EUR",
  body: dedent`
    BASE PROMPT
    risograph print of [SUBJECT], printed with only two inks: [INK 1] and [INK 2], visible overprint where the inks overlap, slight misregistration, coarse grain and halftone texture, uncoated off-white paper, flat shapes, bold composition, [LAYOUT] --ar [2:3 for posters / 1:1 for covers] --style raw --stylize 200

    LAYOUT OPTIONS
    - "large central figure with lots of empty paper around it"
    - "repeating pattern of small figures across the whole sheet"
    - "big shape cropped off the edges of the page"

    TEXT
    Leave space for text and set it yourself later: add "empty area at the top third for a title".

    VARIATIONS
    - Three inks: add a third ink and "three-colour riso print".
    - Photo riso: replace "flat shapes" with "photograph converted to grainy halftone".
    - Worn print: add "slight ink starvation, uneven coverage".

    INK PAIRINGS THAT ALWAYS WORK: Fluorescent Pink + Blue, Yellow + Teal, Red + Federal Blue, Orange + Aqua. See the CSV for all twenty.
  `,
  instructions:
    "Choose an ink pair from riso-ink-pairings.csv and use the ink names exactly. If the result looks like a clean vector illustration, increase grain words and lower --stylize.",
  examples: [
    {
      input:
        "Subject: a cat playing a saxophone; inks: fluorescent pink and blue; layout: large central figure.",
      output:
        "Result: a chunky pink cat with a blue saxophone, purple where the inks overlap, visible grain and a 2 mm offset between layers. Looks like a jazz night poster from a print studio.",
    },
    {
      input: "Subject: mountain hiking trail, inks: yellow and teal, photo riso variation.",
      output:
        "Result: a grainy halftone landscape with teal shadows and yellow highlights, a green overprint in the mid-tones. Great for a hiking club zine cover.",
    },
  ],
  files: [
    {
      fileName: "riso-ink-pairings.csv",
      contentType: "text/csv",
      build: () =>
        csv([
          ["ink_1", "hex_1", "ink_2", "hex_2", "overprint_result", "mood"],
          ["Fluorescent Pink", "#FF48B0", "Blue", "#0078BF", "violet", "playful"],
          ["Yellow", "#FFE800", "Teal", "#00838A", "green", "fresh"],
          ["Red", "#FF665E", "Federal Blue", "#3D5588", "plum", "classic"],
          ["Orange", "#FF6C2F", "Aqua", "#5EC8E5", "olive-grey", "summer"],
          ["Fluorescent Orange", "#FF7477", "Green", "#00A95C", "brown", "retro"],
          ["Purple", "#765BA7", "Yellow", "#FFE800", "warm grey", "bold"],
          ["Black", "#000000", "Fluorescent Pink", "#FF48B0", "deep magenta", "punk"],
          ["Burgundy", "#914E72", "Light Teal", "#00A5AD", "slate", "moody"],
          ["Sunflower", "#FFB511", "Blue", "#0078BF", "forest green", "cheerful"],
          ["Mint", "#82D8D5", "Bright Red", "#F15060", "coral grey", "soft"],
          ["Medium Blue", "#3255A4", "Orange", "#FF6C2F", "brown-black", "sporty"],
          ["Green", "#00A95C", "Fluorescent Pink", "#FF48B0", "dark grey", "vibrant"],
          ["Teal", "#00838A", "Red", "#FF665E", "deep brown", "vintage"],
          ["Lake", "#235BA8", "Yellow", "#FFE800", "green", "primary"],
          ["Violet", "#9D7AD2", "Mint", "#82D8D5", "lavender grey", "dreamy"],
          ["Black", "#000000", "Yellow", "#FFE800", "olive black", "graphic"],
          ["Marine Red", "#D2515E", "Aqua", "#5EC8E5", "mauve", "nautical"],
          ["Fluorescent Pink", "#FF48B0", "Yellow", "#FFE800", "fluorescent orange", "loud"],
          ["Hunter Green", "#407060", "Orange", "#FF6C2F", "rust", "autumn"],
          ["Blue", "#0078BF", "Black", "#000000", "navy", "serious"],
        ]),
    },
  ],
};

const childrensBookCharacters: ListingSeed = {
  slug: "consistent-characters-childrens-books",
  type: "PROMPT",
  status: "PUBLISHED",
  publishedDaysAgo: 58,
  title: "Consistent Characters for Children's Books",
  tagline: "Keep the same character across 20 illustrated pages.",
  description: dedent`
    The number one problem in AI picture-book illustration is a character who changes face, clothes and proportions on every page. This workflow solves it with a character sheet, a fixed style block and Midjourney's character reference, and includes a DALL·E version for people who work in ChatGPT.

    You get the character sheet prompt, the scene prompt, a page-by-page planning table and the fixes for the five most common consistency failures (changing hair, wrong number of fingers, age drift, outfit drift, colour drift).
  `,
  teaser:
    "A character-sheet-first workflow: one turnaround sheet, a locked style block and character references, with fixes for the five typical consistency failures.",
  aiModels: ["Midjourney", "DALL·E"],
  category: "Design",
  priceAmount: 1400,
  currency: "EUR",
  body: dedent`
    STEP 1 — CHARACTER SHEET
    character turnaround sheet of [CHARACTER: name, species or age, body shape, hair, signature clothing item, one distinctive feature], front view, side view, back view and three facial expressions (happy, surprised, sad), [STYLE BLOCK], plain white background, evenly spaced --ar 16:9 --style raw

    STYLE BLOCK (identical on every page)
    children's book illustration, soft gouache texture, warm muted palette of [3-4 COLOURS], gentle outlines, simple rounded shapes, cosy and friendly

    STEP 2 — SCENES
    [CHARACTER NAME] [ACTION] in [SETTING], [TIME OF DAY], [CAMERA: wide shot / medium shot / close-up], [STYLE BLOCK] --ar 3:2 --cref [URL OF CHARACTER SHEET] --cw 100 --sref [URL OF YOUR FAVOURITE PAGE] --sw 80

    When the character's clothes change in the story, lower --cw to 30 so the face stays but the outfit can change.

    DALL·E VERSION
    Upload the character sheet and write: "Illustrate the next page of our picture book. Keep [CHARACTER NAME] exactly as in the attached character sheet (same face, proportions, outfit and colours) and keep the same gouache style. Scene: [ACTION] in [SETTING], [CAMERA]."

    FIXES
    - Hair changes: name the hairstyle with a concrete object comparison ("hair shaped like a cinnamon bun").
    - Finger count: use mittens, pockets or hands holding objects in close-ups.
    - Age drift: add age and "small child proportions, big head" to every scene.
    - Outfit drift: name the signature item first in the character description.
    - Colour drift: keep the same --sref image for the whole book.
  `,
  instructions:
    "Generate and approve the character sheet before anything else. Plan all pages in a table (page, text, action, setting, camera) and generate in story order, reusing the best previous page as --sref.",
  examples: [
    {
      input: "Character: Pip, a small hedgehog with a mustard-yellow scarf and a patched left ear.",
      output:
        "Result: a clean turnaround sheet with Pip from three angles, scarf always tied on the right, patch visible in front and side views, three readable expressions. Used as --cref for all 18 pages.",
    },
    {
      input: "Scene: Pip crossing a stream on stepping stones at dusk, wide shot.",
      output:
        "Result: tiny Pip mid-hop between mossy stones, scarf flying, pink-orange sky reflected in the water, consistent with the sheet. Second variation chosen because the scarf colour matched exactly.",
    },
  ],
};

const notionStudioOs: ListingSeed = {
  slug: "notion-studio-os",
  type: "TEMPLATE",
  status: "PUBLISHED",
  publishedDaysAgo: 51,
  title: "Studio OS for Notion",
  tagline: "Clients, projects, invoices and AI-assisted briefs for one-person studios.",
  description: dedent`
    The Notion workspace I run my design studio on, cleaned up for you. Four linked databases (clients, projects, tasks, invoices), a weekly review page, and AI prompt blocks that turn a messy client email into a structured brief or a project update.

    It is deliberately small: no 40-page dashboards. Everything fits on one home page, and the AI prompts work with Notion AI, ChatGPT or Claude.

    Delivered as a Markdown import file plus CSVs for each database, so it also works in Obsidian or a spreadsheet if you're not on Notion.
  `,
  teaser:
    "Four linked databases, a weekly review page and AI prompt blocks for briefs and client updates, all on one home page.",
  aiModels: ["ChatGPT", "Claude"],
  category: "Productivity",
  priceAmount: 2900,
  currency: "EUR",
  body: dedent`
    WORKSPACE STRUCTURE
    Home
    ├── Clients (database): name, contact, status (lead / active / past), rate, notes
    ├── Projects (database): name, client → Clients, phase (brief / design / review / delivered), budget, start, due, next step
    ├── Tasks (database): task, project → Projects, due, done, energy (quick / focus)
    ├── Invoices (database): number, project → Projects, amount, currency, sent, paid, due date
    └── Weekly review (page template)

    WEEKLY REVIEW TEMPLATE
    1. What shipped this week?
    2. Which projects have no next step? (filter: Projects where next step is empty)
    3. Which invoices are overdue? (filter: Invoices where paid is unchecked and due date is before today)
    4. What will I say no to next week?

    AI PROMPT BLOCK — EMAIL TO BRIEF
    You are my studio manager. Turn this client email into a project brief with: goal, deliverables, constraints (budget, deadline, brand rules), open questions for the client, and a suggested first milestone. Quote the client's exact words for any requirement. Email: [PASTE]

    AI PROMPT BLOCK — CLIENT UPDATE
    Write a short, friendly update for [CLIENT] about [PROJECT]. What's done: [DONE]. What's next: [NEXT]. What I need from them: [NEEDS] with a date. Max 120 words, no jargon, end with one clear question.

    AI PROMPT BLOCK — SCOPE CHECK
    Compare this new request [PASTE REQUEST] with the original brief [PASTE BRIEF]. Is it in scope, out of scope, or unclear? If out of scope, draft a polite reply with an estimate placeholder.
  `,
  instructions: dedent`
    1. In Notion: Settings → Import → Markdown & CSV, then import studio-os.md and the CSV files.
    2. Link the relation columns (Projects → Clients, Tasks → Projects, Invoices → Projects) as described in studio-os.md.
    3. Paste the three AI prompt blocks into a "Prompts" toggle on the home page and copy them into Notion AI, ChatGPT or Claude when needed.
  `,
  examples: [
    {
      input:
        "Email to brief: 'Hi! We need a refresh of our café logo, maybe also menus? Opening the second location in March, budget is flexible-ish. We love our green but hate the font.'",
      output: dedent`
        Goal: refresh the café's logo ahead of the second location opening in March.
        Deliverables: logo refresh; menus ("maybe also menus?" — confirm).
        Constraints: keep the green ("we love our green"); replace the typeface ("hate the font"); deadline March; budget "flexible-ish" — ask for a range.
        Open questions: which menus (print, board, online)? Will the second location have a different name?
      `,
    },
    {
      input: "Scope check: client now asks for an animated logo for Instagram.",
      output:
        "Out of scope: the brief covers a static logo refresh and menus. Suggested reply: \"Happy to do an animated version! It isn't part of the current scope, so I'll send a separate estimate of [X] by Friday.\"",
    },
  ],
  files: [
    {
      fileName: "studio-os.md",
      contentType: "text/markdown",
      build: () =>
        dedent`
          # Studio OS

          > Home page for a one-person studio. Import this file, then import the CSV databases next to it.

          ## Today
          - Open tasks due today (linked view of **Tasks**, filter: due = today, done = unchecked)
          - Projects without a next step (linked view of **Projects**, filter: next step is empty)

          ## Databases
          - **Clients** — import clients.csv
          - **Projects** — import projects.csv, then change "client" to a relation to Clients
          - **Tasks** — create an empty database with: task, project (relation), due, done, energy
          - **Invoices** — create with: number, project (relation), amount, currency, sent, paid, due date

          ## Weekly review (template)
          1. What shipped this week?
          2. Which projects have no next step?
          3. Which invoices are overdue?
          4. What will I say no to next week?

          ## Prompts
          - Email to brief
          - Client update
          - Scope check
        `,
    },
    {
      fileName: "projects.csv",
      contentType: "text/csv",
      build: () =>
        csv([
          ["name", "client", "phase", "budget_eur", "start", "due", "next_step"],
          [
            "Café logo refresh",
            "Kaffeehaus Weber",
            "brief",
            2400,
            "2025-02-03",
            "2025-03-01",
            "Send brief for approval",
          ],
          [
            "Menu design",
            "Kaffeehaus Weber",
            "brief",
            900,
            "2025-02-10",
            "2025-03-01",
            "Ask which menus are needed",
          ],
          [
            "Annual report layout",
            "Nordwind Energie",
            "design",
            6800,
            "2025-01-13",
            "2025-04-15",
            "Grid for financial tables",
          ],
          [
            "Packaging series",
            "Alma Ceramics",
            "review",
            3200,
            "2024-12-02",
            "2025-02-20",
            "Collect feedback round 2",
          ],
          ["Website illustrations", "Fjell Outdoor", "delivered", 4100, "2024-10-07", "2024-12-18", ""],
        ]),
    },
  ],
};

const clientPortalTemplate: ListingSeed = {
  slug: "client-project-tracker-notion",
  type: "TEMPLATE",
  status: "PUBLISHED",
  publishedDaysAgo: 45,
  title: "Client Project Tracker & Feedback Portal",
  tagline: "A shareable Notion page where clients see progress and leave structured feedback.",
  description: dedent`
    Feedback by email is where design projects go to die. This template gives each client a single shared page: project timeline, current deliverables, a feedback form with fixed questions, and a decision log so "we agreed on this in week 2" is never lost.

    Includes the AI prompt I use to turn rambling client feedback into a prioritised change list, which alone has saved me hours per project.
  `,
  teaser:
    "A shared client page with timeline, deliverables, a structured feedback form and a decision log, plus a prompt that turns rambling feedback into a prioritised change list.",
  aiModels: ["ChatGPT", "Claude", "Gemini"],
  category: "Business",
  priceAmount: 1900,
  currency: "EUR",
  body: dedent`
    PAGE STRUCTURE (duplicate once per client)
    1. Welcome: who we are, how to reach us, response times.
    2. Timeline: phases with dates and status (not started / in progress / waiting for you / done).
    3. Current deliverables: links with version numbers (v1, v2…). Never overwrite a version.
    4. Feedback form: for each deliverable, the client answers
       a. What works and should stay?
       b. What doesn't work, and why? (describe the problem, not the solution)
       c. Is anything missing?
       d. Who else needs to approve, and by when?
    5. Decision log: date | decision | who decided | link to deliverable.

    FEEDBACK TRIAGE PROMPT
    You are a design project manager. Turn the client feedback below into a change list.
    For each item: the change, the client's exact words, category (must fix / should fix / discuss / out of scope), the affected deliverable, and an effort estimate (S/M/L).
    Group contradictory feedback (e.g. "make it bolder" vs "keep it subtle") and write one question that resolves each contradiction.
    Feedback: [PASTE FEEDBACK FROM THE FORM, EMAILS OR CALL NOTES]

    DECISION SUMMARY PROMPT
    Summarise the decisions in this call transcript as decision-log rows (date, decision, who decided). Only include explicit decisions, not ideas. Transcript: [PASTE]
  `,
  instructions:
    'Duplicate the page per client and share it with "can comment" access. Run the triage prompt after each feedback round and paste the result into the decision log before starting changes.',
  examples: [
    {
      input:
        "Feedback: 'Love the colours. The logo feels a bit heavy? My partner thinks the icon looks like a fish. Can we see it in blue? Also, deadline moved up a week, sorry!'",
      output: dedent`
        1. Reduce the logo's visual weight — "feels a bit heavy" — should fix — M
        2. Icon reads as a fish — "looks like a fish" — discuss (one person's view; ask whether others see it) — S
        3. Blue variant — "Can we see it in blue?" — discuss (conflicts with "love the colours") — S
        4. Timeline — "deadline moved up a week" — must fix — update timeline and confirm scope
        Question: Should the blue version replace the current palette or be an alternative to compare?
      `,
    },
    {
      input: "Decision summary from a 30-minute call.",
      output:
        "2025-03-04 | Keep the serif wordmark | Anna (CEO) | logo v3\n2025-03-04 | Drop the pattern from business cards | Anna, Tom | stationery v2",
    },
  ],
};

const uxAuditChecklist: ListingSeed = {
  slug: "ux-audit-checklist-figma",
  type: "TEMPLATE",
  status: "PUBLISHED",
  publishedDaysAgo: 39,
  title: "UX Audit Checklist for Figma Files",
  tagline: "A 60-point audit you can run on any screen, with an AI pass for copy and accessibility.",
  description: dedent`
    A practical audit checklist I use before handing designs to developers: 60 checks across layout, typography, colour and contrast, states, forms, copy, accessibility and responsiveness. Each check is a yes/no with a short "how to check in Figma" note.

    The companion prompt takes a screenshot description or exported text of a screen and runs the copy and accessibility checks for you, so you spend your time on the judgement calls.
  `,
  teaser:
    "Sixty yes/no checks in eight areas with a how-to-check note each, and a prompt that pre-runs the copy and accessibility items.",
  aiModels: ["ChatGPT", "Claude"],
  category: "Design",
  priceAmount: 1200,
  currency: "EUR",
  body: dedent`
    THE CHECKLIST (see ux-audit-checklist.md for all 60 items)
    Areas: layout & spacing (8), typography (7), colour & contrast (8), components & states (9), forms (8), copy (8), accessibility (7), responsive (5).

    AI PRE-AUDIT PROMPT (paste the screen's text layers or a detailed description)
    You are a senior UX reviewer. Audit this screen against the copy and accessibility checks below. For each check: pass / fail / can't tell, the evidence, and a concrete fix.
    SCREEN: [NAME AND PURPOSE]
    USER'S GOAL ON THIS SCREEN: [GOAL]
    TEXT LAYERS AND STRUCTURE: [PASTE]
    Copy checks:
    1. Buttons say what happens ("Save changes", not "Submit").
    2. Error messages say what went wrong and how to fix it.
    3. No jargon the user wouldn't use.
    4. Headings describe the content below them.
    5. Empty states explain what to do next.
    Accessibility checks:
    6. Every input has a visible label (not only a placeholder).
    7. Links and buttons make sense out of context ("Read the pricing FAQ", not "Click here").
    8. Colour is never the only way information is shown (e.g. errors also have an icon or text).
    9. Reading order in the structure matches the visual order.
    Finish with the three changes that would most help the user reach their goal.
  `,
  instructions:
    "In Figma, select the frame, copy the text layers (or use a plugin that exports text), and paste them with a short description of the layout. Run the checklist yourself for the visual items; the prompt only covers what can be judged from text and structure.",
  examples: [
    {
      input:
        "Screen: checkout shipping form. Text: 'Address', placeholder 'Street', 'Submit', error: 'Invalid input'.",
      output: dedent`
        1. Fail — "Submit" doesn't say what happens. Fix: "Continue to payment".
        2. Fail — "Invalid input" doesn't help. Fix: "Enter a postcode with 5 digits".
        6. Fail — "Street" exists only as a placeholder. Fix: visible label "Street and house number".
        Top 3: button label, error message, visible labels.
      `,
    },
    {
      input: "Screen: empty project dashboard.",
      output:
        '5. Fail — the empty state shows only an illustration. Fix: "No projects yet. Create your first project to see progress here." with a "New project" button.',
    },
  ],
  files: [
    {
      fileName: "ux-audit-checklist.md",
      contentType: "text/markdown",
      build: () => {
        const areas: Array<[string, string[]]> = [
          [
            "Layout & spacing",
            [
              "Spacing uses the 4/8 px scale",
              "Consistent page margins",
              "Related items are grouped",
              "Primary action is visually dominant",
              "Alignment to a grid",
              "No orphaned elements",
              "Scroll depth is reasonable",
              "Density fits the task",
            ],
          ],
          [
            "Typography",
            [
              "Max 2 typefaces",
              "Body text ≥ 16 px",
              "Line length 45-80 characters",
              "Clear heading hierarchy",
              "Line height ≥ 1.4 for body",
              "No text in all caps for long runs",
              "Numbers use tabular figures in tables",
            ],
          ],
          [
            "Colour & contrast",
            [
              "Body text contrast ≥ 4.5:1",
              "Large text contrast ≥ 3:1",
              "UI component contrast ≥ 3:1",
              "Colour not the only signal",
              "Consistent semantic colours",
              "Disabled states distinguishable",
              "Dark mode checked (if any)",
              "Brand colour not overused",
            ],
          ],
          [
            "Components & states",
            [
              "Hover state",
              "Focus state visible",
              "Pressed state",
              "Disabled state",
              "Loading state",
              "Empty state",
              "Error state",
              "Success state",
              "Skeletons match content",
            ],
          ],
          [
            "Forms",
            [
              "Visible labels",
              "Helpful placeholders only as examples",
              "Inline validation timing",
              "Error messages explain fixes",
              "Required vs optional marked",
              "Logical tab order",
              "Correct input types",
              "Submit button says what happens",
            ],
          ],
          [
            "Copy",
            [
              "Buttons are verbs",
              "No jargon",
              "Headings describe content",
              "Consistent terminology",
              "Microcopy reduces anxiety",
              "Dates and numbers localised",
              "Empty states guide next step",
              "Tone matches brand",
            ],
          ],
          [
            "Accessibility",
            [
              "Touch targets ≥ 44 px",
              "Alt text planned for images",
              "Reading order matches visual order",
              "Link text meaningful out of context",
              "Motion can be reduced",
              "Focus order annotated",
              "Icons have labels",
            ],
          ],
          [
            "Responsive",
            [
              "Mobile layout designed",
              "Tablet breakpoint checked",
              "Tables have a mobile pattern",
              "Images crop sensibly",
              "Navigation collapses cleanly",
            ],
          ],
        ];
        const lines = [
          "# UX audit checklist — 60 checks",
          "",
          "Mark each check ✅ pass, ❌ fail or ➖ not applicable.",
          "",
        ];
        let number = 1;
        for (const [area, checks] of areas) {
          lines.push(`## ${area}`, "");
          for (const check of checks) {
            lines.push(`- [ ] ${number}. ${check}`);
            number++;
          }
          lines.push("");
        }
        return lines.join("\n");
      },
    },
  ],
};

const designTokensStarter: ListingSeed = {
  slug: "design-tokens-starter",
  type: "TEMPLATE",
  status: "PUBLISHED",
  publishedDaysAgo: 33,
  title: "Design Tokens Starter Kit",
  tagline: "A tokens JSON your developers can use, plus a prompt that generates it from your brand colours.",
  description: dedent`
    Design tokens are the bridge between a Figma file and code. This kit gives you a clean, W3C-format tokens file (colour, spacing, typography, radius, shadow) with semantic layers (primitive → semantic → component), and a prompt that generates a complete, accessible colour scale from one or two brand colours.

    Works with Tokens Studio for Figma and Style Dictionary, and the prompt checks contrast ratios so your tokens pass WCAG from the start.
  `,
  teaser:
    "A three-layer tokens file (primitive, semantic, component) in the W3C format, and a prompt that builds an accessible colour scale from your brand colours.",
  aiModels: ["Claude", "ChatGPT"],
  category: "Coding",
  priceAmount: 1800,
  currency: "EUR",
  body: dedent`
    TOKEN LAYERS
    1. Primitive: raw values (color.blue.500 = #2F6FEB). Never used directly in components.
    2. Semantic: meaning (color.action.primary = {color.blue.600}). Designers and developers use these.
    3. Component: specific uses (button.primary.background = {color.action.primary}).

    COLOUR SCALE PROMPT
    You are a design systems engineer. Generate a colour scale in W3C design tokens JSON format.
    BRAND COLOURS: [HEX 1 — name], [HEX 2 — name, optional]
    NEUTRAL: [warm / cool / true grey]
    For each brand colour and the neutral, create steps 50, 100, 200 … 900 with perceptually even lightness (use OKLCH reasoning), keeping the brand colour at the step where it naturally falls.
    Then create semantic tokens: color.text.default, color.text.muted, color.background.default, color.background.subtle, color.border.default, color.action.primary, color.action.primary-hover, color.feedback.success/warning/danger.
    For every text/background pair that the semantic tokens imply, state the contrast ratio and whether it passes WCAG AA (4.5:1 for body text). If a pair fails, change the semantic mapping, not the primitive.
    Output only valid JSON with "$value" and "$type" keys, then a short table of the contrast checks.

    SPACING, RADIUS AND TYPE
    Use the tokens.json in this kit as-is or ask: "Adapt the spacing scale to a base unit of [4 or 8] px and the type scale to a ratio of [1.2 / 1.25 / 1.333] with a 16 px base."
  `,
  instructions:
    "Import tokens.json into Tokens Studio (Figma) or point Style Dictionary at it. Run the colour scale prompt with your brand colours and merge the output into the color section.",
  examples: [
    {
      input: "Brand colour: #E4572E (Ember). Neutral: warm.",
      output: dedent`
        color.ember.500 = #E4572E (brand), 600 = #C7431D, 700 = #A13517.
        Semantic: color.action.primary → {color.ember.600} because ember.500 on white is 3.4:1 (fails AA for body text); ember.600 on white is 4.6:1 (passes).
      `,
    },
    {
      input: "Type scale with ratio 1.25 and 16 px base.",
      output:
        "font.size.sm 12.8px, base 16px, md 20px, lg 25px, xl 31.25px, 2xl 39px (rounded in tokens: 13, 16, 20, 25, 31, 39).",
    },
  ],
  files: [
    {
      fileName: "tokens.json",
      contentType: "application/json",
      build: () => {
        const tokens = {
          color: {
            blue: {
              "50": { $value: "#EEF4FF", $type: "color" },
              "100": { $value: "#DCE7FE", $type: "color" },
              "300": { $value: "#8DB1F7", $type: "color" },
              "500": { $value: "#2F6FEB", $type: "color" },
              "600": { $value: "#2159C9", $type: "color" },
              "700": { $value: "#1B47A0", $type: "color" },
              "900": { $value: "#122C5E", $type: "color" },
            },
            neutral: {
              "0": { $value: "#FFFFFF", $type: "color" },
              "50": { $value: "#F7F7F5", $type: "color" },
              "200": { $value: "#E3E2DE", $type: "color" },
              "500": { $value: "#8A8883", $type: "color" },
              "700": { $value: "#4E4C48", $type: "color" },
              "900": { $value: "#1F1E1C", $type: "color" },
            },
            text: {
              default: { $value: "{color.neutral.900}", $type: "color" },
              muted: { $value: "{color.neutral.700}", $type: "color" },
            },
            background: {
              default: { $value: "{color.neutral.0}", $type: "color" },
              subtle: { $value: "{color.neutral.50}", $type: "color" },
            },
            border: { default: { $value: "{color.neutral.200}", $type: "color" } },
            action: {
              primary: { $value: "{color.blue.600}", $type: "color" },
              "primary-hover": { $value: "{color.blue.700}", $type: "color" },
            },
          },
          spacing: Object.fromEntries(
            [0, 1, 2, 3, 4, 6, 8, 12, 16].map((step) => [
              String(step),
              { $value: `${step * 4}px`, $type: "dimension" },
            ]),
          ),
          radius: {
            sm: { $value: "4px", $type: "dimension" },
            md: { $value: "8px", $type: "dimension" },
            lg: { $value: "16px", $type: "dimension" },
            full: { $value: "9999px", $type: "dimension" },
          },
          font: {
            family: {
              sans: { $value: "Inter, system-ui, sans-serif", $type: "fontFamily" },
              mono: { $value: "JetBrains Mono, ui-monospace, monospace", $type: "fontFamily" },
            },
            size: {
              sm: { $value: "13px", $type: "dimension" },
              base: { $value: "16px", $type: "dimension" },
              md: { $value: "20px", $type: "dimension" },
              lg: { $value: "25px", $type: "dimension" },
              xl: { $value: "31px", $type: "dimension" },
            },
          },
          shadow: {
            sm: {
              $value: { offsetX: "0px", offsetY: "1px", blur: "2px", spread: "0px", color: "#1F1E1C14" },
              $type: "shadow",
            },
            md: {
              $value: { offsetX: "0px", offsetY: "4px", blur: "12px", spread: "0px", color: "#1F1E1C1F" },
              $type: "shadow",
            },
          },
          button: {
            primary: {
              background: { $value: "{color.action.primary}", $type: "color" },
              text: { $value: "{color.neutral.0}", $type: "color" },
              radius: { $value: "{radius.md}", $type: "dimension" },
            },
          },
        };
        return `${JSON.stringify(tokens, null, 2)}\n`;
      },
    },
  ],
};

const midjourneyStyleVault: ListingSeed = {
  slug: "midjourney-style-vault-bundle",
  type: "BUNDLE",
  status: "PUBLISHED",
  publishedDaysAgo: 20,
  title: "Midjourney Style Vault (Bundle)",
  tagline: "Four Pixelfjord prompt systems for product, portrait, print and picture-book work.",
  description: dedent`
    My four most-used Midjourney systems in one purchase: Nordic Light Product Photography, the Editorial Portrait Lighting Pack, Risograph Poster Styles and Consistent Characters for Children's Books.

    Together they cover most commercial image work a small studio gets asked for. The bundle also includes a short guide to building your own style reference library so your results stay consistent across projects.
  `,
  teaser:
    "Four Midjourney systems that cover product, portrait, print-style and illustration work, plus a guide to building a personal style-reference library.",
  aiModels: ["Midjourney", "Stable Diffusion", "DALL·E"],
  category: "Design",
  priceAmount: 2400,
  currency: "EUR",
  bundleOf: [
    "nordic-light-product-photography",
    "editorial-portrait-lighting-pack",
    "risograph-poster-styles",
    "consistent-characters-childrens-books",
  ],
  body: dedent`
    BUILDING YOUR STYLE REFERENCE LIBRARY

    1. Every time a result is exactly right, save it in a folder named by use (product / portrait / print / illustration) with the full prompt in the file name or a sidecar note.
    2. For each folder, choose one "anchor" image. Use it as --sref with --sw 60-100 whenever you start a new project in that style.
    3. Record the seed and --stylize value next to each anchor. Consistency comes from keeping those three things fixed: anchor, seed, stylize.
    4. Once a quarter, replace anchors that no longer represent your best work.

    WHICH SYSTEM FOR WHICH JOB
    - Shop images, catalogue, website banners → Nordic Light Product Photography
    - Team pages, author photos, campaign faces → Editorial Portrait Lighting Pack
    - Event posters, zines, merch → Risograph Poster Styles
    - Picture books, mascots, storyboards → Consistent Characters for Children's Books
  `,
  instructions:
    "Each included listing appears in your library. Start by building anchors for the style you use most.",
  examples: [
    {
      input: "A client wants product shots and a poster for a pop-up shop.",
      output:
        "Use Nordic Light setup A for the product hero images, then Risograph Poster Styles with a product silhouette as the subject and the shop's brand colours mapped to the closest riso inks.",
    },
    {
      input: "How do I keep a mascot consistent in a campaign?",
      output:
        "Create the mascot's character sheet with the Consistent Characters workflow, then use it as --cref in product or poster scenes; keep the same --sref anchor for the campaign's colour mood.",
    },
  ],
};

const packagingMockupDraft: ListingSeed = {
  slug: "packaging-mockup-prompts",
  type: "PROMPT",
  status: "DRAFT",
  title: "Packaging Mockup Prompts",
  tagline: "Boxes, pouches and labels shot like real packaging photography.",
  description: dedent`
    Draft: mockup prompts for packaging concepts before they go to print.

    Still fighting with label text rendering; not ready to sell.
  `,
  teaser: "Packaging concepts photographed as if they were real: boxes, pouches, bottles.",
  aiModels: ["Midjourney"],
  category: "Design",
  priceAmount: 800,
  currency: "EUR",
  body: "product packaging photograph of a [PACKAGE TYPE] for [PRODUCT], [MATERIAL AND FINISH], [BRAND COLOURS], standing on [SURFACE], soft studio light, shallow depth of field, blank label area --ar 4:5 --style raw",
  instructions: "Draft.",
  examples: [
    {
      input: "Kraft paper pouch for coffee beans, matte finish.",
      output:
        "Result: a believable kraft pouch with a blank white label area, ready for compositing the real label.",
    },
    {
      input: "Glass dropper bottle for serum.",
      output:
        "Result: amber glass bottle on travertine with caustic light. Label area still distorted in 2 of 4 images.",
    },
  ],
};

export const pixelfjord: ShopSeed = {
  owner: { email: "jonas@pixelfjord.example", name: "Jonas Weber" },
  handle: "pixelfjord",
  name: "Pixelfjord Studio",
  bio: dedent`
    A one-person brand design studio in Berlin. I sell the Midjourney style systems I've tested on client work, and the Notion and Figma-style templates the studio runs on.

    Everything is priced in euros and comes with the reasoning behind it, so you can adapt it rather than copy it.
  `,
  defaultCurrency: "EUR",
  listings: [
    nordicProductPhotography,
    isometricIconSet,
    editorialPortraitLighting,
    brandMoodboardSystem,
    risographPosterStyles,
    childrensBookCharacters,
    notionStudioOs,
    clientPortalTemplate,
    uxAuditChecklist,
    designTokensStarter,
    midjourneyStyleVault,
    packagingMockupDraft,
  ],
  plans: [
    {
      name: "Prompt Library",
      description:
        "All six Pixelfjord image prompt systems (Midjourney, DALL·E, Stable Diffusion), with updates whenever a new model version changes the results. Templates are sold separately.",
      prices: [
        { amount: 800, currency: "EUR", interval: "MONTH" },
        { amount: 8000, currency: "EUR", interval: "YEAR" },
      ],
      includesAllListings: false,
      listingSlugs: [
        "nordic-light-product-photography",
        "isometric-3d-icon-set",
        "editorial-portrait-lighting-pack",
        "brand-moodboard-prompt-system",
        "risograph-poster-styles",
        "consistent-characters-childrens-books",
      ],
    },
  ],
};
