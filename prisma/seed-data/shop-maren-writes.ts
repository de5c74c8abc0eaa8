import { csv, dedent } from "./text.ts";
import type { ListingSeed, ShopSeed } from "./types.ts";

/** The demo seller's shop: a conversion copywriter selling ChatGPT / Claude prompts in USD. */

const landingPageCopyArchitect: ListingSeed = {
  slug: "landing-page-copy-architect",
  type: "PROMPT",
  status: "PUBLISHED",
  publishedDaysAgo: 86,
  title: "Landing Page Copy Architect",
  tagline: "A full, conversion-ready landing page from one interview, in your voice.",
  description: dedent`
    Most AI landing pages read like AI landing pages: vague benefits, "unlock your potential", a FAQ nobody asked for. This prompt fixes that by making the model do what a copywriter does first: interview you.

    It asks about your buyer, the problem in their words, the objections you hear on sales calls and the proof you actually have. Only then does it write the page, section by section, and it tells you which claims need evidence before you publish.

    You get a hero with three headline options, a problem/agitation block, a benefits section tied to features, social proof slots, an offer stack, a risk reversal, a FAQ built from real objections and a closing call to action. Tested on more than forty client pages in SaaS, coaching and DTC.
  `,
  teaser: dedent`
    Starts with a nine-question interview about your buyer and their objections, then builds the page in eight sections, each with alternatives. Ends with a "proof check" that flags every claim you still need to back up.
  `,
  aiModels: ["ChatGPT", "Claude"],
  category: "Copywriting",
  priceAmount: 1900,
  currency: "USD",
  body: dedent`
    You are a senior conversion copywriter who has written landing pages for SaaS, coaching and e-commerce brands. You write plainly, concretely and in the customer's own words. You never use the words "unlock", "elevate", "seamless", "revolutionize" or "game-changer".

    PRODUCT: [PRODUCT NAME] — [ONE-SENTENCE DESCRIPTION]
    PRICE AND OFFER: [PRICE, TRIAL, GUARANTEE]
    PAGE GOAL: [THE ONE ACTION THE VISITOR SHOULD TAKE]
    TRAFFIC SOURCE: [WHERE VISITORS COME FROM, e.g. paid social, newsletter, search]

    STEP 1 — INTERVIEW. Before writing anything, ask me these questions one at a time and wait for each answer:
    1. Who is the buyer, in one sentence, including their job or situation?
    2. What are they trying to get done when they look for something like this?
    3. What have they already tried, and why didn't it work?
    4. What do they say out loud when they describe the problem? Give me their words, not yours.
    5. What are the top three objections or fears that stop them from buying?
    6. What proof do we have? (numbers, testimonials, logos, case studies, guarantees)
    7. What makes this different from the obvious alternative, including "doing nothing"?
    8. What does life look like 30 days after they buy?
    9. Any words, claims or tones that are off-limits?

    STEP 2 — MESSAGE MAP. Summarise my answers as: core promise (max 12 words), the enemy (the old way), three benefit pillars each tied to a feature, and the objection list ranked by how often it blocks a sale. Ask me to confirm or correct before continuing.

    STEP 3 — WRITE THE PAGE in this order, using the buyer's words from step 1 wherever possible:
    A. Hero: 3 headline options (one outcome-led, one problem-led, one specific-number-led), a subheadline of max 25 words, the call-to-action button text, and a one-line friction reducer under the button.
    B. Problem: 3 short paragraphs that describe the situation so precisely the reader thinks "that's me". No exaggeration.
    C. The turn: 2 sentences that introduce [PRODUCT NAME] as the new way.
    D. Benefits: the three pillars, each as a headline + 2 sentences + the feature that delivers it.
    E. Proof: placeholders in the form [PROOF: what kind of evidence belongs here] wherever we need testimonials or numbers. Never invent quotes or statistics.
    F. Offer: what exactly they get, the price, and why it is priced that way.
    G. Risk reversal: the guarantee written in plain language.
    H. FAQ: one question per objection from step 1, answered honestly in 2-4 sentences.
    I. Closing: restate the promise, the call to action, and a P.S. that speaks to the most hesitant reader.

    STEP 4 — PROOF CHECK. List every sentence that makes a claim we can't yet back up, and say what evidence would support it.

    Style rules: sentences under 20 words on average, second person, active voice, reading level grade 7-8, no exclamation marks in headlines.
  `,
  instructions: dedent`
    Paste the whole prompt into a new ChatGPT or Claude conversation and replace the four bracketed lines at the top. Answer the interview questions honestly and in your customers' words: copy the phrases from sales calls, reviews or support tickets if you have them.

    Confirm the message map before letting it write: this is where most pages go wrong. If a section feels generic, reply "rewrite section D using the exact phrases from answer 4".
  `,
  examples: [
    {
      input:
        "PRODUCT: Shiftly — scheduling app for independent cafés. PAGE GOAL: start a 14-day free trial. Buyer: café owners with 5-15 staff who build the rota in a spreadsheet every Sunday night.",
      output: dedent`
        Hero options:
        1. Build next week's rota in 10 minutes, not your whole Sunday evening.
        2. Your rota spreadsheet is costing you Sunday nights. And swap-shift texts at 6 a.m.
        3. 14 staff, 3 part-timers, 1 sick call: scheduled in 10 minutes.
        Subheadline: Shiftly turns availability, holidays and swap requests into a fair rota your team sees on their phones.
        Button: Start my free 14-day trial. Under the button: No card needed. Import your current spreadsheet in one click.
      `,
    },
    {
      input: "Proof check for the Shiftly page above.",
      output: dedent`
        Claims that need evidence before publishing:
        - "10 minutes": needs a median time-to-rota from your product analytics, or change to "in minutes".
        - "a fair rota": say what makes it fair (equal weekend shifts?) or cut the word.
        - FAQ answer "works with any payroll": list the payroll tools you have actually tested.
      `,
    },
  ],
  files: [
    {
      fileName: "landing-page-swipe-file.md",
      contentType: "text/markdown",
      build: () =>
        dedent`
          # Landing Page Copy Architect — swipe file

          Headline formulas that survived A/B tests on client pages. Fill the brackets; keep the ones that sound like your buyer.

          ## Outcome-led
          - [Outcome] without [the thing they hate].
          - [Specific result] in [realistic timeframe], even if [common excuse].
          - The [category] for people who [identity statement].

          ## Problem-led
          - Still [doing the painful workaround]? There's a calmer way.
          - [Painful workaround] is costing you [time/money/sleep].
          - If [trigger moment] makes you groan, read this.

          ## Number-led
          - [Number] [customers/teams] switched from [alternative] last [period].
          - From [before metric] to [after metric] in [timeframe].
          - [Number] minutes to [task that used to take hours].

          ## Friction reducers (under the button)
          - No card needed.
          - Cancel in two clicks from your account page.
          - Import your existing [spreadsheet/tool] in one step.
          - Reply to any email and a human answers.

          ## FAQ starters from common objections
          | Objection | Question to use |
          | --- | --- |
          | Price | "Is it worth it for a team our size?" |
          | Switching cost | "How long does it take to move over?" |
          | Trust | "What happens to my data if I leave?" |
          | Fit | "Will this work if we [unusual situation]?" |
          | Timing | "We're busy right now. Should we wait?" |

          ## Proof checklist
          1. Every number has a source you could show a customer.
          2. Every testimonial has a name, role and permission.
          3. Every "fast", "easy" or "fair" is backed by a specific.
        `,
    },
  ],
};

const coldEmailSequenceBuilder: ListingSeed = {
  slug: "cold-email-sequence-builder",
  type: "PROMPT",
  status: "PUBLISHED",
  publishedDaysAgo: 79,
  title: "Cold Email Sequence Builder",
  tagline: "Five-touch B2B outreach that sounds like a person, not a sequence.",
  description: dedent`
    A prompt for founders and SDRs who need outbound that gets replies without feeling like spam. It researches the angle from what you paste about the prospect, writes a five-email sequence with a clear reason for each touch, and keeps every email under 90 words.

    Every email has one job: the first earns attention with a specific observation, the second adds a proof point, the third offers something useful for free, the fourth changes the angle and the fifth is a polite break-up that often gets the most replies.

    It also writes three subject lines per email and a plain-text version without links for the first touch, because deliverability matters more than clever copy.
  `,
  teaser: dedent`
    Takes a prospect's website blurb or LinkedIn "About" and your offer, and produces five short emails with a distinct job each, from observation to polite break-up. Under 90 words per email, three subject lines each.
  `,
  aiModels: ["ChatGPT", "Claude", "Gemini"],
  category: "Marketing",
  priceAmount: 1400,
  currency: "USD",
  body: dedent`
    Act as a B2B outbound copywriter who writes like a thoughtful peer, not a salesperson. You write short, specific emails with no buzzwords and no fake familiarity ("Hope you're well!", "Quick question").

    MY OFFER: [WHAT YOU SELL AND THE ONE RESULT IT DELIVERS]
    MY PROOF: [1-3 CUSTOMER RESULTS OR NAMES YOU CAN MENTION]
    PROSPECT: [NAME, ROLE, COMPANY]
    WHAT I KNOW ABOUT THEM: [PASTE THEIR WEBSITE BLURB, RECENT POST, JOB AD OR NEWS]
    FREE THING I CAN OFFER: [AUDIT, TEARDOWN, TEMPLATE, BENCHMARK]

    First, in 3 bullet points, identify the most likely priority or pain for this prospect based only on what I pasted. Mark anything you are guessing as a guess.

    Then write a 5-email sequence:
    Email 1 (day 1): open with one specific observation about them, connect it to the result my offer delivers, end with a low-effort question. No links.
    Email 2 (day 3): one short proof story from MY PROOF that resembles their situation. End with an interest-based question.
    Email 3 (day 7): offer the FREE THING with a concrete description of what they'd receive. Easy yes/no reply.
    Email 4 (day 12): a new angle: a risk of doing nothing, a trend in their industry, or a peer company's move. Do not repeat earlier points.
    Email 5 (day 18): a polite break-up that gives them an easy way to say "not now" or point me to someone else.

    Rules for every email:
    - Under 90 words, 3rd-grade-simple sentences, no bullet lists.
    - One call to action, phrased as a question.
    - No "just following up", "circling back", "touching base".
    - Write in first person as [YOUR NAME].
    - Provide 3 subject lines per email: lowercase, under 5 words, no clickbait.

    Finally, give me a one-line reason why each email would make this specific prospect reply.
  `,
  instructions: dedent`
    Works best when "WHAT I KNOW ABOUT THEM" is real text: a job posting, a podcast quote or the company's about page. Run the prompt once per prospect for high-value accounts, or once per segment with a representative example.
  `,
  examples: [
    {
      input:
        "Offer: bookkeeping for Shopify brands, clean books by the 5th of each month. Prospect: Dana, founder of Loop & Lather (soap brand). Known: they just launched wholesale and hired a warehouse lead.",
      output: dedent`
        Subject lines: wholesale month-end / loop & lather books / the 5th
        Hi Dana, congrats on launching wholesale. Net-30 invoices usually turn a neat Shopify ledger into a guessing game about what's actually paid. We close books for Shopify brands by the 5th of each month, wholesale receivables included, so you know your real cash before you reorder stock. Is month-end already getting messy, or is it still under control?
        Maren
      `,
    },
    {
      input: "Email 5 for the same prospect.",
      output: dedent`
        Subject lines: closing the loop / not a fit? / should i stop
        Hi Dana, I haven't heard back, which usually means the timing's wrong or I'm writing to the wrong person. If someone else handles finance at Loop & Lather, I'd be grateful for a name. If it's just not now, reply "later" and I'll check back after your busy season.
      `,
    },
  ],
};

const brandVoiceExtractor: ListingSeed = {
  slug: "brand-voice-extractor",
  type: "PROMPT",
  status: "PUBLISHED",
  publishedDaysAgo: 72,
  title: "Brand Voice Extractor",
  tagline: "Turn five samples of your best writing into a voice guide any AI can follow.",
  description: dedent`
    Every AI tool promises to "write in your brand voice" and then writes in its own. The fix is a voice guide that is specific enough for a model to follow: sentence length, vocabulary, taboo words, rhythm, how you handle humour and how you say no.

    This prompt analyses five to ten samples you paste (emails, posts, product pages) and produces exactly that: a one-page voice guide with do/don't pairs, a word bank and a "rewrite test" that proves the guide works.

    Paste the resulting guide at the top of any future prompt, or into ChatGPT custom instructions or a Claude project, and your drafts start sounding like you.
  `,
  teaser: dedent`
    Analyses your own writing samples across six dimensions and returns a one-page guide with do/don't pairs and a word bank, then rewrites a bland paragraph to prove the guide works.
  `,
  aiModels: ["Claude", "ChatGPT"],
  category: "Copywriting",
  priceAmount: 1200,
  currency: "USD",
  body: dedent`
    You are a brand strategist and editor. I will paste writing samples from [BRAND NAME]. Your job is to describe the voice so precisely that another writer (or an AI model) could imitate it without seeing the samples.

    SAMPLES:
    [PASTE 5-10 SAMPLES, SEPARATED BY ---]

    AUDIENCE: [WHO READS THIS BRAND]
    WHAT WE WANT TO SOUND LIKE (optional): [3 ADJECTIVES]

    Analyse the samples on these six dimensions. For each, quote at least one short phrase from the samples as evidence:
    1. Sentence shape: average length, use of fragments, questions, lists.
    2. Vocabulary: plain vs. technical, recurring words, words that never appear.
    3. Point of view and address: we/I/you, formality, how readers are addressed.
    4. Emotional register: warmth, humour (what kind), confidence, how problems are acknowledged.
    5. Rhythm and formatting: paragraph length, punctuation habits, emoji, capitalisation.
    6. Stance: what the brand believes, what it argues against, how it says no.

    Then produce the VOICE GUIDE:
    - Voice in one sentence.
    - 3 voice traits, each with "We are X, not Y" and one do/don't example pair.
    - Word bank: 15 words and phrases we use, 10 we never use.
    - Formatting rules (max 6 bullets).
    - Three sample openings for an email, a product page and a social post.

    Finally, the REWRITE TEST: rewrite this generic paragraph in the voice and explain the three biggest changes:
    "We are excited to announce our new feature, which will help you save time and be more productive. Try it today and let us know what you think!"

    If the samples are inconsistent, say so and describe the two voices separately instead of averaging them.
  `,
  instructions: dedent`
    Use your best-performing pieces, not your most recent ones. Mix formats (an email, a product page, a social post) so the guide captures range. Save the finished guide as a document and paste it at the start of every writing prompt.
  `,
  examples: [
    {
      input:
        "Samples from a climbing gym's newsletter and Instagram captions (7 samples). Want to sound: encouraging, nerdy, unpretentious.",
      output: dedent`
        Voice in one sentence: a friendly route-setter who explains the beta, laughs at their own falls and never talks down to beginners.
        Trait 1 — We are encouraging, not cheerleading. Do: "Fell off the crux five times? Same. Here's the trick." Don't: "You've got this, warrior!"
        Never use: crush it, beast mode, journey, elevate, unleash.
      `,
    },
    {
      input: "Rewrite test for the climbing gym voice.",
      output: dedent`
        "New thing on the wall: you can now log your sends in the app and see which grades you're stuck on. It's free, it's nerdy, and yes, it counts flashes separately. Tell us what's missing."
        Changes: concrete feature instead of "new feature"; climbing vocabulary (sends, flashes); a self-aware aside instead of "we are excited".
      `,
    },
  ],
  files: [
    {
      fileName: "voice-guide-worksheet.md",
      contentType: "text/markdown",
      build: () =>
        dedent`
          # Brand voice worksheet

          Fill this in before running the Brand Voice Extractor, then paste it under SAMPLES as extra context.

          ## 1. Samples I'm proud of
          | # | Format | Where it ran | Why it worked |
          | --- | --- | --- | --- |
          | 1 | | | |
          | 2 | | | |
          | 3 | | | |
          | 4 | | | |
          | 5 | | | |

          ## 2. We are… / we are not…
          - We are ______, not ______.
          - We are ______, not ______.
          - We are ______, not ______.

          ## 3. Words
          Words we love:
          Words we avoid:
          Jargon our customers actually use:

          ## 4. Hard rules
          - Emoji: yes / no / only in ______
          - Exclamation marks: ______ per piece at most
          - We address readers as: you / your team / first names
          - Spelling: US / UK

          ## 5. The "no" test
          How do we say no to a customer request? Paste one real example:

          ## 6. Check after using the guide
          - [ ] Would a long-time customer recognise this as us?
          - [ ] Did it avoid every word on the avoid list?
          - [ ] Is the average sentence length within 3 words of our samples?
        `,
    },
  ],
};

const linkedinPostGhostwriter: ListingSeed = {
  slug: "linkedin-post-ghostwriter",
  type: "PROMPT",
  status: "PUBLISHED",
  publishedDaysAgo: 66,
  title: "LinkedIn Post Ghostwriter",
  tagline: "Turn a voice memo or messy notes into a post people finish reading.",
  description: dedent`
    You have opinions and stories; you don't have time to polish them. This prompt takes a rambling note, a transcript of a voice memo or a bullet list and turns it into a LinkedIn post with a hook that earns the "see more" click, a story with one point, and an ending that invites real comments.

    It gives you three hook options and two lengths, and refuses to add the things that make LinkedIn posts cringe: fake humility, one-word lines for drama, and "Agree?" at the end.
  `,
  teaser: dedent`
    Feed it a voice-memo transcript or rough notes. It finds the single strongest point, offers three hook styles and writes a short and a long version without LinkedIn clichés.
  `,
  aiModels: ["ChatGPT", "Claude", "Gemini"],
  category: "Marketing",
  priceAmount: 900,
  currency: "USD",
  body: dedent`
    You are a ghostwriter for founders and consultants on LinkedIn. You keep their voice, cut the fluff and make one point per post.

    MY ROLE AND AUDIENCE: [WHAT I DO, WHO I WANT TO REACH]
    RAW MATERIAL: [PASTE NOTES, VOICE MEMO TRANSCRIPT OR BULLETS]
    GOAL OF THIS POST: [e.g. start conversations with ops leaders, get newsletter sign-ups, share a lesson]

    1. Read the raw material and list up to three possible "one points" it could make. Pick the strongest for my audience and say why in one sentence.
    2. Write three hooks (first two lines, max 200 characters together):
       a. A specific moment ("Last Tuesday a client asked me…")
       b. A contrarian but defensible claim
       c. A concrete number or result
    3. Write the post twice using the hook I'd most likely pick:
       SHORT (under 120 words) and LONG (180-250 words).
    Structure: hook → the situation → what happened or what I learned → the takeaway in one sentence → a question that people can answer from their own experience.

    Do NOT: use one-sentence paragraphs for drama more than twice, add hashtags inside sentences, write "Agree?", "Thoughts?", "Let that sink in", or invent details that aren't in my raw material. Use at most 3 hashtags, at the end.

    Keep my vocabulary: reuse at least three distinctive phrases from the raw material.
  `,
  instructions: dedent`
    Record a two-minute voice memo about something that happened this week, transcribe it (your phone can do this) and paste it as RAW MATERIAL. Post the short version first; save the long one for a slow week.
  `,
  examples: [
    {
      input:
        "Raw: 'client wanted a 40 page brand book, we made 2 pages, they actually use it, the old one nobody opened, designers love thick PDFs but teams need a cheat sheet'. Role: brand designer for startups.",
      output: dedent`
        Hook (b): The best brand book I ever delivered was two pages long. The client had asked for forty.
        Short version: Last month a client asked for a 40-page brand book. Their previous one was 60 pages, and nobody on their team had opened it since 2021. So we made two pages: logo do's and don'ts, colours with codes, the two fonts, five example layouts. Three weeks later their sales team is making decks that actually look on-brand. Designers love thick PDFs. Teams need a cheat sheet. What's the most-used document in your company, and how long is it?
      `,
    },
    {
      input: "Give me hook (c) for the same post.",
      output: "Hook (c): 40 pages requested. 2 pages delivered. 100% of the sales team now uses it.",
    },
    {
      input: "Raw notes about hiring a first ops person too late. Goal: newsletter sign-ups.",
      output: dedent`
        One point chosen: "You hire ops too late because the pain is spread across everyone." Reason: ops leaders and founders will both recognise it.
        Hook (a): Our first ops hire started on a Monday. By Friday she'd found 11 tools we were paying for twice.
      `,
    },
  ],
};

const productDescriptionRewriter: ListingSeed = {
  slug: "product-description-rewriter",
  type: "PROMPT",
  status: "PUBLISHED",
  publishedDaysAgo: 61,
  title: "Product Description Rewriter for E-commerce",
  tagline: "Specs in, sensory product copy out, with SEO and scannable bullets.",
  description: dedent`
    Built for Shopify and Etsy sellers with dozens of products and no time. Paste the supplier spec sheet or your current description and get a product page description that sells the experience, keeps the facts straight and includes the keyword naturally.

    Each run gives you a two-sentence opener, five benefit-first bullets, a "details" block with every spec preserved, and a 155-character meta description. A batch mode lets you rewrite ten products at once with consistent formatting.
  `,
  teaser: dedent`
    Converts spec sheets into a sensory opener, benefit-first bullets and a facts block that never drops a measurement. Includes a batch mode for ten products per run.
  `,
  aiModels: ["ChatGPT", "Gemini"],
  category: "Copywriting",
  priceAmount: 799,
  currency: "USD",
  body: dedent`
    You are an e-commerce copywriter. You write product descriptions that help a shopper imagine using the product, while keeping every fact accurate.

    STORE AND BRAND VOICE: [STORE NAME, 3 VOICE ADJECTIVES]
    TARGET SHOPPER: [WHO BUYS THIS]
    PRIMARY KEYWORD: [KEYWORD SHOPPERS SEARCH FOR]
    PRODUCT DATA: [PASTE SPEC SHEET OR CURRENT DESCRIPTION]

    Write:
    1. OPENER: 2 sentences. Start with the moment of use (when, where, how it feels), not the product name. Include the primary keyword once, naturally.
    2. BULLETS: 5 bullets. Each starts with the benefit in bold-worthy words, followed by a dash and the feature that delivers it. Max 15 words per bullet.
    3. DETAILS: every measurable fact from PRODUCT DATA (materials, sizes, weight, care, origin) as a plain list. Do not drop or round any number. If something is missing that shoppers usually ask about (e.g. care instructions), write [MISSING: …].
    4. META DESCRIPTION: max 155 characters, includes the keyword, ends with a reason to click.

    Rules: no superlatives you can't prove ("best", "perfect"), no "elevate your", no exclamation marks. If the product data contradicts itself, flag it before writing.

    BATCH MODE: if I paste several products separated by ===, repeat the four parts for each product and keep the bullet style identical across all of them.
  `,
  instructions:
    "Paste supplier data as-is, including units. For batch mode, separate products with a line containing only ===. Review the [MISSING: …] flags before publishing.",
  examples: [
    {
      input:
        "Store: Hearth & Thread (warm, honest, unfussy). Keyword: linen duvet cover. Data: 100% stonewashed European flax linen, 160 gsm, queen 230x220 cm, coconut buttons, machine wash 40°C.",
      output: dedent`
        Opener: Slide into a bed that feels cool in July and cosy in January. Our linen duvet cover is stonewashed until it's soft from the very first night.
        Bullets:
        - Sleeps cool all summer — breathable 160 gsm European flax linen
        - Soft from day one — stonewashed before it reaches you
        Details: 100% European flax linen, 160 gsm; Queen: 230 × 220 cm; coconut shell buttons; machine wash at 40°C. [MISSING: tumble-dry guidance]
        Meta: Stonewashed linen duvet cover in European flax: cool in summer, cosy in winter, soft from night one. See all 6 colours.
      `,
    },
    {
      input: "Batch of 3 candles with burn time missing on one.",
      output:
        "Flag before writing: product 2 (Fig & Cedar) has no burn time, while products 1 and 3 list 45 h. I've written [MISSING: burn time] in its details block rather than guessing.",
    },
  ],
};

const newsletterIssueOutliner: ListingSeed = {
  slug: "newsletter-issue-outliner",
  type: "PROMPT",
  status: "PUBLISHED",
  publishedDaysAgo: 55,
  title: "Newsletter Issue Outliner",
  tagline: "From a pile of links and half-ideas to a structured issue in 5 minutes.",
  description: dedent`
    For people who write a weekly newsletter and stare at a blank draft every Thursday. Paste your links, notes and that one thought from the shower; the prompt proposes a theme that ties them together, orders the sections and drafts the intro and transitions.

    It does not write the whole issue for you, on purpose: it writes the scaffolding and asks you two questions that pull out your own opinion, which is the part readers subscribed for.
  `,
  teaser:
    "Finds the theme hiding in your links, proposes three issue structures, drafts the intro and transitions, and asks two questions that draw out your own take.",
  aiModels: ["Claude"],
  category: "Marketing",
  priceAmount: 900,
  currency: "USD",
  body: dedent`
    You are the editor of a thoughtful weekly newsletter. Your job is to help me structure this week's issue, not to write it for me.

    NEWSLETTER: [NAME, TOPIC, WHO READS IT]
    TYPICAL LENGTH: [WORDS]
    THIS WEEK'S MATERIAL: [PASTE LINKS WITH ONE-LINE NOTES, IDEAS, QUOTES, ANECDOTES]

    1. Find up to three possible themes that connect at least half of the material. For each, write a working title and one sentence on why readers would care this week.
    2. For the theme I'm most likely to pick (say which and why), propose an outline:
       - Intro hook (what happened, what I noticed)
       - 2-4 sections, each with the material it uses and the question it answers
       - A "quick hits" list for material that doesn't fit the theme
       - Sign-off with one question readers can reply to
    3. Draft ONLY the intro (max 120 words) and one-sentence transitions between sections.
    4. Ask me two questions whose answers would make this issue more personal and opinionated. Wait for my answers, then revise the intro.

    Keep my tone from this sample: [PASTE A PARAGRAPH FROM A PAST ISSUE]
    Never summarise a link without saying why it matters to my readers.
  `,
  instructions:
    "Keep a running note of links during the week with one line on why each caught your eye; that line is the most useful input. Claude handles long link lists particularly well.",
  examples: [
    {
      input:
        "Newsletter: 'Small Batch', for indie food brands. Material: 6 links (a pricing study, a co-packer horror story, a TikTok trend, a grocery chain's new local-supplier program, two funding rounds) plus a note about raising our own prices.",
      output: dedent`
        Theme 1: "Getting paid what it's worth" — the pricing study, the local-supplier program and your own price rise.
        Theme 2: "Growing without losing the recipe" — co-packer story and funding rounds.
        Likely pick: Theme 1, because your own price rise makes it personal.
        Questions for you: 1) What number did you almost raise your price to, and why did you stop short? 2) Did any customer complain, and what did you answer?
      `,
    },
    {
      input:
        "My answers: almost went to $14, settled at $12; one wholesale buyer pushed back, I sent them our cost breakdown.",
      output:
        "Revised intro: I almost priced our jar at $14 this month. I settled at $12, and one wholesale buyer still pushed back, so I did something I'd never done: I sent them our cost breakdown, line by line. This week's issue is about getting paid what your product is worth, and what happened next.",
    },
  ],
};

const customerInterviewSynthesizer: ListingSeed = {
  slug: "customer-interview-synthesizer",
  type: "PROMPT",
  status: "PUBLISHED",
  publishedDaysAgo: 48,
  title: "Customer Interview Synthesizer",
  tagline: "Ten interview transcripts in, jobs-to-be-done and exact customer language out.",
  description: dedent`
    Customer interviews are the best source of copy and product decisions, and the hardest to make sense of. This prompt reads your transcripts and pulls out the jobs customers hire your product for, their triggers, anxieties and the exact phrases they use, with quotes and counts so you can see what is a pattern and what is one loud customer.

    It outputs a synthesis you can share with your team and a "language bank" you can lift straight into headlines and ads.
  `,
  teaser:
    "Extracts jobs, triggers, anxieties and verbatim phrases from transcripts, counts how many interviews mention each, and separates patterns from one-offs.",
  aiModels: ["Claude", "ChatGPT"],
  category: "Business",
  priceAmount: 1500,
  currency: "USD",
  body: dedent`
    You are a qualitative researcher trained in jobs-to-be-done interviewing. Analyse the interview transcripts below with rigour: only report what the transcripts support, and always cite the interview number.

    PRODUCT: [PRODUCT AND CATEGORY]
    RESEARCH QUESTION: [WHAT WE WANT TO LEARN]
    TRANSCRIPTS: [PASTE TRANSCRIPTS, EACH STARTING WITH "INTERVIEW #N — ROLE/SEGMENT"]

    Produce:
    1. JOBS: the 3-5 jobs customers hire the product for, written as "When [situation], I want to [motivation], so I can [outcome]". For each, list supporting interviews (#) and one verbatim quote.
    2. TIMELINE: typical first thought → passive looking → active looking → decision → first use, with the trigger events people mention.
    3. FORCES: push of the situation, pull of the new solution, anxieties, habits of the present. Quote each.
    4. LANGUAGE BANK: 20 verbatim phrases customers use to describe the problem and the result, grouped by theme. Exact words only.
    5. PATTERNS VS ONE-OFFS: a table of every theme with the number of interviews mentioning it. Anything mentioned by only one person goes in a separate "interesting but unproven" list.
    6. SURPRISES: up to 3 things that contradict what the team probably assumes.
    7. NEXT QUESTIONS: 5 questions to ask in the next round of interviews.

    Do not infer demographics, emotions or motivations that are not stated. If transcripts are too short to support a section, say so.
  `,
  instructions:
    "Strip personal data (names, emails) from transcripts before pasting. Claude's long context handles 10-15 one-hour transcripts; with ChatGPT, run the prompt on batches of 4-5 and then ask it to merge the syntheses.",
  examples: [
    {
      input:
        "Product: expense app for freelancers. 8 transcripts. Research question: why do people switch from spreadsheets?",
      output: dedent`
        Job 1: When tax season is a month away and my receipts are in three places, I want to see what I can deduct, so I can stop dreading my accountant's email. (#1, #3, #4, #7) — "I literally had receipts in my glovebox." (#4)
        Pattern table: "tax deadline trigger" 6/8; "accountant asked for categories" 4/8; "bank feed broke" 1/8 (one-off).
        Surprise: nobody mentioned mileage tracking, which the team considers the hero feature.
      `,
    },
    {
      input: "Language bank, theme 'the result'.",
      output:
        '"I just forward it and forget it" (#2), "my accountant stopped sending me angry emails" (#3), "April isn\'t scary anymore" (#7), "I know what\'s mine to spend" (#5)',
    },
  ],
};

const seoBriefGenerator: ListingSeed = {
  slug: "seo-content-brief-generator",
  type: "PROMPT",
  status: "PUBLISHED",
  publishedDaysAgo: 42,
  title: "SEO Content Brief Generator",
  tagline: "Briefs your writers can follow: intent, outline, questions and internal links.",
  description: dedent`
    A brief is where SEO content is won or lost. This prompt turns a keyword and a list of top-ranking page headings into a brief a freelance writer can execute without a call: search intent, the angle that beats what's ranking, an H2/H3 outline, questions to answer, entities to mention and internal links to add.

    Comes with a CSV brief template so you can track a whole content plan in a spreadsheet and paste each row into the prompt.
  `,
  teaser:
    "Takes a keyword plus competitor headings and returns intent, a differentiating angle, a full outline, must-answer questions and internal link targets. CSV tracker included.",
  aiModels: ["ChatGPT", "Gemini"],
  category: "Marketing",
  priceAmount: 1200,
  currency: "USD",
  body: dedent`
    You are an SEO content strategist. Create a content brief that a freelance writer can follow without further explanation.

    PRIMARY KEYWORD: [KEYWORD]
    SECONDARY KEYWORDS: [LIST]
    OUR SITE AND AUDIENCE: [WHAT WE SELL, WHO READS]
    TOP-RANKING PAGES: [PASTE THE TITLE AND H2s OF THE TOP 3-5 RESULTS]
    OUR EXISTING PAGES TO LINK TO: [URL — TOPIC, ONE PER LINE]
    TARGET LENGTH: [WORDS]

    The brief must contain:
    1. Search intent (informational / commercial / transactional / navigational) and what the searcher needs to be able to do after reading.
    2. What the top pages all cover (table stakes) and what they all miss (our angle). Propose one angle in one sentence.
    3. Title tag (max 60 characters) and meta description (max 155 characters), 2 options each.
    4. Outline: H1, then H2s and H3s with 1-2 sentence notes on what each section must say. Mark the section where our product fits naturally, if at all.
    5. Questions to answer explicitly (from "People also ask"-style queries you'd expect).
    6. Entities and terms to mention for topical completeness.
    7. Internal links: which of OUR EXISTING PAGES to link, from which section, with suggested anchor text.
    8. What NOT to do: claims to avoid, competitors not to name, tone pitfalls.

    Be specific; never write "add relevant examples" without saying which examples.
  `,
  instructions:
    "Copy the H2s of the top results by hand or with a browser extension. Fill one row of the CSV tracker per article and paste the row's fields into the bracketed lines.",
  examples: [
    {
      input:
        "Keyword: how to price a logo design. Site: a marketplace for freelance designers. Top pages cover hourly vs project pricing and average prices.",
      output: dedent`
        Intent: commercial/informational — a freelancer wants to leave with a number to quote this week.
        Everyone covers: hourly vs project pricing, average price ranges. Everyone misses: how to price by the client's usage (startup vs enterprise) and a script for answering "what's your rate?".
        Angle: "Price the logo by what it will be used for, with a script for the rate question."
        H2: Why averages mislead you / H2: Three pricing models (with worked numbers) / H2: The usage multiplier / H2: What to say when a client asks your rate
      `,
    },
    {
      input:
        "Internal links for the brief above, our pages: /blog/freelance-contracts, /blog/first-client, /pricing-calculator.",
      output:
        "Link /pricing-calculator from 'Three pricing models' (anchor: 'try the numbers in our pricing calculator'); /blog/freelance-contracts from 'What to say…' (anchor: 'put the price in a simple contract').",
    },
  ],
  files: [
    {
      fileName: "content-brief-tracker.csv",
      contentType: "text/csv",
      build: () =>
        csv([
          [
            "status",
            "primary_keyword",
            "secondary_keywords",
            "intent",
            "angle",
            "target_words",
            "writer",
            "due",
            "internal_links",
          ],
          [
            "idea",
            "how to price a logo design",
            "logo pricing; freelance logo cost",
            "commercial",
            "price by usage",
            1800,
            "",
            "",
            "/pricing-calculator",
          ],
          [
            "idea",
            "brand style guide template",
            "style guide example; brand guidelines",
            "informational",
            "two-page guide teams actually use",
            1500,
            "",
            "",
            "/templates",
          ],
          [
            "briefed",
            "cold email subject lines",
            "b2b subject lines",
            "informational",
            "tested lowercase lines",
            1400,
            "writer-a",
            "2025-07-14",
            "/blog/cold-email",
          ],
          [
            "briefed",
            "newsletter welcome email",
            "welcome sequence",
            "informational",
            "first email that gets a reply",
            1200,
            "writer-b",
            "2025-07-21",
            "/blog/newsletters",
          ],
          [
            "drafting",
            "landing page faq examples",
            "faq section ideas",
            "informational",
            "FAQs built from sales objections",
            1600,
            "writer-a",
            "2025-07-28",
            "/blog/landing-pages",
          ],
          [
            "idea",
            "customer interview questions",
            "jtbd interview script",
            "informational",
            "questions that surface switching triggers",
            2000,
            "",
            "",
            "/blog/research",
          ],
          [
            "idea",
            "product description examples",
            "ecommerce copy examples",
            "commercial",
            "before/after rewrites",
            1500,
            "",
            "",
            "/blog/ecommerce",
          ],
          [
            "published",
            "linkedin hook examples",
            "linkedin post ideas",
            "informational",
            "hooks without cringe",
            1300,
            "writer-b",
            "2025-06-30",
            "/blog/linkedin",
          ],
        ]),
    },
  ],
};

const headlineStressTest: ListingSeed = {
  slug: "headline-stress-test",
  type: "PROMPT",
  status: "PUBLISHED",
  publishedDaysAgo: 37,
  title: "Headline Stress Test",
  tagline: "Score any headline against 7 criteria and get 10 sharper variations.",
  description: dedent`
    A small, sharp prompt for the moment before you publish. Paste a headline (landing page, email subject, ad, blog post) and the model scores it on clarity, specificity, benefit, curiosity, credibility, voice fit and length, explains each score in one line, and writes ten variations that fix the weakest criteria.

    It works with any capable model, including open models like Llama, because the scoring rubric is spelled out.
  `,
  teaser:
    "Scores one headline 1-5 on seven named criteria with a one-line reason each, then produces ten variations aimed at the lowest scores.",
  aiModels: ["ChatGPT", "Claude", "Llama"],
  category: "Copywriting",
  priceAmount: 499,
  currency: "USD",
  body: dedent`
    You are a headline editor. Stress-test this headline.

    HEADLINE: [HEADLINE]
    WHERE IT APPEARS: [landing page hero / email subject / ad / blog title]
    AUDIENCE: [WHO READS IT]
    WHAT THE READER SHOULD DO NEXT: [ACTION]

    Score it 1-5 on each criterion and give a one-line reason:
    1. Clarity — would a stranger understand what this is about in 3 seconds?
    2. Specificity — does it contain a concrete detail (number, name, timeframe, object)?
    3. Benefit — is the reader's gain explicit or strongly implied?
    4. Curiosity — is there a reason to keep reading, without clickbait?
    5. Credibility — would the audience believe it?
    6. Voice fit — does it sound like a person in this brand's voice?
    7. Length — right for the placement? (email subject under 45 characters, hero under 12 words, ad under 40 characters)

    Then:
    - Name the two weakest criteria.
    - Write 10 variations: 4 that fix the weakest criterion, 4 that fix the second weakest, 2 wildcards that take a different angle entirely.
    - Mark your top pick with ★ and explain the choice in one sentence.

    Never use: "ultimate", "secret", "you won't believe", or question headlines that can be answered "no".
  `,
  instructions:
    "Run it on your final two or three candidates, not your first draft. The scores are most useful when compared between headlines.",
  examples: [
    {
      input:
        "Headline: 'The Smarter Way to Manage Your Team'. Landing page hero for a 1:1 meeting tool for engineering managers.",
      output: dedent`
        Clarity 3 — "manage your team" could be anything. Specificity 1 — no concrete detail. Benefit 2 — "smarter" is not a gain. Curiosity 2. Credibility 3. Voice fit 2 — generic SaaS. Length 5.
        Weakest: Specificity, Benefit.
        ★ "Walk into every 1:1 knowing what changed since the last one." — concrete moment, clear gain, sounds like a manager talking.
      `,
    },
    {
      input: "Email subject: 'Our biggest sale of the year!!!'",
      output:
        'Weakest: Specificity (1) and Credibility (2). ★ "40% off until Sunday, then it\'s gone" — a number and a deadline, and 36 characters.',
    },
  ],
};

const readmeRewriter: ListingSeed = {
  slug: "readme-that-developers-read",
  type: "PROMPT",
  status: "PUBLISHED",
  publishedDaysAgo: 30,
  title: "README That Developers Actually Read",
  tagline: "Rewrite a project README so a new developer is productive in 10 minutes.",
  description: dedent`
    Documentation is copy too. This prompt restructures a README (or writes one from your code tree and notes) around what a newcomer needs in order: what it is, why they'd use it, how to run it in under five commands, how to do the three most common tasks, and where to go when it breaks.

    It keeps every command and config key from your original exactly as written, flags steps that look like they're missing, and writes in plain, friendly technical English.
  `,
  teaser:
    "Reorders your README around a newcomer's first ten minutes, preserves every command verbatim and flags setup steps that seem to be missing.",
  aiModels: ["Claude", "ChatGPT"],
  category: "Coding",
  priceAmount: 900,
  currency: "USD",
  body: dedent`
    You are a technical writer who has onboarded hundreds of developers. Rewrite the README below so a developer new to the project can run it and make a first change within 10 minutes.

    PROJECT: [NAME, LANGUAGE/FRAMEWORK]
    WHO USES IT: [e.g. internal team, open-source users, customers integrating our API]
    CURRENT README: [PASTE]
    FILE TREE (optional): [PASTE OUTPUT OF A TREE COMMAND, 2 LEVELS DEEP]

    Structure:
    1. One-sentence description + one sentence on when NOT to use it.
    2. Quick start: prerequisites with versions, then at most 5 copy-pasteable commands to a running state, then how to verify it works.
    3. Common tasks: the 3 things people most often need (infer from the README and tree), each as a short recipe.
    4. Configuration: a table of environment variables or config keys with default and meaning.
    5. Project layout: only the folders a newcomer will touch, one line each.
    6. Troubleshooting: the errors mentioned anywhere in the original, with fixes.
    7. Contributing/Getting help.

    Rules:
    - Preserve every command, flag, path and config key exactly. Never invent one.
    - If a step seems to be missing (e.g. a database must exist but there's no command to create it), insert [MISSING STEP: …] instead of guessing.
    - Short sentences, second person, no marketing adjectives.
    - Use fenced code blocks for commands.
  `,
  instructions:
    "Paste the README and, if possible, a two-level file tree. Then run the quick start yourself in a fresh clone: every [MISSING STEP] the prompt flagged is usually a real gap.",
  examples: [
    {
      input:
        "A Python CLI README that starts with a 3-paragraph history of the project and buries the install command in section 5.",
      output: dedent`
        Moved install to Quick start (pip install -e . kept verbatim), added "verify: run invoicer --version".
        [MISSING STEP: the README references ~/.invoicer/config.toml but never says how to create it.]
        The history section moved to the end under "Background".
      `,
    },
    {
      input: "Config table for a Node service with PORT, DATABASE_URL, LOG_LEVEL mentioned in prose.",
      output:
        "| Variable | Default | Meaning |\n| PORT | 3000 | HTTP port |\n| DATABASE_URL | (none, required) | PostgreSQL connection string |\n| LOG_LEVEL | info | debug, info, warn or error |",
    },
  ],
};

const courseModuleOutliner: ListingSeed = {
  slug: "course-module-outliner",
  type: "PROMPT",
  status: "PUBLISHED",
  publishedDaysAgo: 24,
  title: "Online Course Module Outliner",
  tagline: "Turn what you know into lessons with outcomes, exercises and checkpoints.",
  description: dedent`
    Experts make bad course outlines because they know too much: everything feels essential. This prompt works backwards from what a student should be able to do at the end, cuts everything that doesn't serve it, and turns your knowledge into modules of short lessons with an exercise for each.

    It also writes the module's promise (the copy you'll use on the sales page) and a quiz or checkpoint per module, so the course works for learners and sells to buyers.
  `,
  teaser:
    "Starts from the end-state skill, cuts what doesn't serve it, and outputs modules of short lessons with exercises, checkpoints and a sales-page promise for each.",
  aiModels: ["Claude", "Gemini"],
  category: "Education",
  priceAmount: 1100,
  currency: "USD",
  body: dedent`
    You are an instructional designer who builds practical online courses. Use backward design: outcomes first, then evidence, then lessons.

    COURSE TOPIC: [TOPIC]
    STUDENT: [WHO THEY ARE AND WHAT THEY CAN ALREADY DO]
    END STATE: [WHAT THEY SHOULD BE ABLE TO DO AFTER THE COURSE]
    TIME BUDGET: [TOTAL HOURS, e.g. 4 hours of video + exercises]
    MY RAW KNOWLEDGE: [PASTE NOTES, BLOG POSTS, TALK OUTLINES]

    1. Write 3-6 learning outcomes using observable verbs (build, write, diagnose, choose — never "understand" or "know").
    2. For each outcome, describe the evidence: what the student produces that proves they can do it.
    3. Group outcomes into 3-6 modules. For each module:
       - Module promise (one sentence, sales-page ready)
       - 3-6 lessons, each 5-12 minutes, with title, key point and the material from MY RAW KNOWLEDGE it uses
       - One hands-on exercise with instructions and a "done when" criterion
       - A checkpoint: 3 quiz questions or a self-assessment rubric
    4. List material from MY RAW KNOWLEDGE that you cut and why (nice-to-know, too advanced, off-outcome). I'll decide whether to make it a bonus.
    5. Check the total against TIME BUDGET and trim if needed.
  `,
  instructions:
    "Be generous with raw knowledge: paste everything. The most valuable part is the cut list in step 4. Gemini works well with long pasted notes and documents.",
  examples: [
    {
      input: "Topic: sourdough for beginners. End state: bake a reliable loaf every weekend. Time: 3 hours.",
      output: dedent`
        Outcome 2: Diagnose an under-proofed loaf from its crumb and adjust the schedule. Evidence: a photo of their crumb + a written adjustment.
        Module 2 promise: "Read your dough, not the clock."
        Exercise: bake two loaves with a 2-hour difference in bulk fermentation; done when you can explain the crumb difference.
        Cut: the history of commercial yeast (nice-to-know), rye starters (off-outcome).
      `,
    },
    {
      input: "Checkpoint for Module 1 (the starter).",
      output:
        "Q1: Your starter doubled in 4 hours yesterday and 9 hours today. Name two likely causes. Q2: What does a float test tell you, and what doesn't it tell you? Q3: Sketch your feeding schedule for a Saturday bake.",
    },
  ],
};

const contentCalendarTemplate: ListingSeed = {
  slug: "90-day-content-calendar-template",
  type: "TEMPLATE",
  status: "PUBLISHED",
  publishedDaysAgo: 18,
  title: "90-Day Content Calendar Template + Planning Prompt",
  tagline: "A spreadsheet calendar and the prompt that fills it with ideas worth posting.",
  description: dedent`
    A ready-to-import content calendar (CSV for Google Sheets, Excel, Notion or Airtable) with columns for pillar, format, hook, call to action, status and repurposing, plus a planning prompt that generates 90 days of ideas from your content pillars.

    The template is opinionated: three pillars, a 3-2-1 weekly rhythm (three quick posts, two medium pieces, one long piece) and a repurposing column so every long piece feeds the short ones.

    Includes a setup guide in Markdown and a filled example week.
  `,
  teaser:
    "A CSV calendar built on a 3-2-1 weekly rhythm with repurposing columns, plus a prompt that fills 90 days from your three content pillars.",
  aiModels: ["ChatGPT", "Claude"],
  category: "Marketing",
  priceAmount: 1600,
  currency: "USD",
  body: dedent`
    TEMPLATE STRUCTURE (columns of content-calendar.csv)
    date | week | pillar | format | working_title | hook | cta | channel | status | repurpose_from | notes

    WEEKLY RHYTHM (3-2-1)
    - 3 quick posts (social, under 150 words)
    - 2 medium pieces (newsletter section, carousel, short video script)
    - 1 long piece (article, video, podcast) that the other five can be cut from

    PLANNING PROMPT — paste into ChatGPT or Claude:
    You are a content strategist. Plan 90 days of content for [BRAND / PERSON] who serves [AUDIENCE] and wants [BUSINESS GOAL].
    Content pillars:
    1. [PILLAR 1 — e.g. how-to]
    2. [PILLAR 2 — e.g. behind the scenes]
    3. [PILLAR 3 — e.g. opinion]
    Channels: [CHANNELS]. Dates start on [START DATE].
    For each of the 13 weeks, produce one long piece and the five pieces cut from it, following the 3-2-1 rhythm. Rotate pillars so no pillar leads two weeks in a row.
    Output as CSV rows with exactly these columns: date, week, pillar, format, working_title, hook, cta, channel, status, repurpose_from, notes. Status is always "idea". repurpose_from names the long piece's working_title for derived pieces.
    Hooks must be specific (a number, a moment or a claim), and at least one CTA per week must point to [MAIN OFFER].
  `,
  instructions: dedent`
    1. Import content-calendar.csv into Google Sheets (File → Import) or Notion (Import → CSV).
    2. Fill the three pillars and run the planning prompt; paste the CSV rows it returns below the header.
    3. Each Friday, move next week's rows to "scheduled" and delete what no longer excites you. A calendar is a menu, not a contract.
  `,
  examples: [
    {
      input:
        "Brand: a physiotherapist with a desk-worker audience. Pillars: exercises, myths, clinic stories. Channels: Instagram, newsletter.",
      output: dedent`
        2025-09-01,1,exercises,article,"The 4-minute desk reset for stiff necks","You've been looking down at a screen for 6 hours. Try this before lunch.",Book a posture check,newsletter,idea,,
        2025-09-02,1,exercises,reel,"Chin tucks, done right","90% of people do chin tucks wrong. Here's the fix.",Save for later,instagram,idea,"The 4-minute desk reset for stiff necks",
      `,
    },
    {
      input: "Week 2 must lead with myths.",
      output:
        "Week 2 long piece: \"Your chair is not ruining your back (your stillness is)\" — myths pillar, with three quick posts on myth #1-3 and a carousel 'What to do instead'.",
    },
  ],
  files: [
    {
      fileName: "content-calendar.csv",
      contentType: "text/csv",
      build: () => {
        const header = [
          "date",
          "week",
          "pillar",
          "format",
          "working_title",
          "hook",
          "cta",
          "channel",
          "status",
          "repurpose_from",
          "notes",
        ];
        const pillars = ["how-to", "behind the scenes", "opinion"] as const;
        const rows: Array<Array<string | number>> = [header];
        for (let week = 1; week <= 13; week++) {
          const pillar = pillars[(week - 1) % pillars.length] ?? "how-to";
          const longTitle = `[Week ${week} long piece — ${pillar}]`;
          rows.push([
            "",
            week,
            pillar,
            "article",
            longTitle,
            "[specific hook]",
            "[main offer]",
            "newsletter",
            "idea",
            "",
            "long piece",
          ]);
          for (let quick = 1; quick <= 3; quick++) {
            rows.push([
              "",
              week,
              pillar,
              "post",
              `[Quick post ${quick}]`,
              "[hook]",
              "[soft cta]",
              "social",
              "idea",
              longTitle,
              "",
            ]);
          }
          rows.push([
            "",
            week,
            pillar,
            "carousel",
            "[Medium piece 1]",
            "[hook]",
            "[save/share]",
            "social",
            "idea",
            longTitle,
            "",
          ]);
          rows.push([
            "",
            week,
            pillar,
            "short video",
            "[Medium piece 2]",
            "[hook]",
            "[follow]",
            "social",
            "idea",
            longTitle,
            "",
          ]);
        }
        return csv(rows);
      },
    },
    {
      fileName: "setup-guide.md",
      contentType: "text/markdown",
      build: () =>
        dedent`
          # 90-Day Content Calendar — setup guide

          ## Import
          - **Google Sheets:** File → Import → Upload → content-calendar.csv → "Replace current sheet".
          - **Notion:** Add a page → Import → CSV. Change "status" to a Select property.
          - **Airtable:** Create → Import → CSV file.

          ## Make it yours
          1. Rename the three pillars in column C.
          2. Run the planning prompt with your pillars, channels and start date.
          3. Paste the rows under the header, replacing the placeholder rows.

          ## The Friday review (15 minutes)
          - Move next week's rows to "scheduled".
          - Delete any idea that no longer excites you.
          - Add one idea from something a customer said this week.

          ## Repurposing rule of thumb
          Every long piece should yield three quotes, one list and one story. If it doesn't, the long piece needs a sharper point.
        `,
    },
  ],
};

const launchCopyKit: ListingSeed = {
  slug: "launch-copy-kit-bundle",
  type: "BUNDLE",
  status: "PUBLISHED",
  publishedDaysAgo: 12,
  title: "Launch Copy Kit (Bundle)",
  tagline: "Landing page, outreach, headlines and a content calendar: everything for launch week.",
  description: dedent`
    The four prompts and templates I use on every client launch, at a bundle price. Write the landing page with the Landing Page Copy Architect, sharpen every headline with the Headline Stress Test, start conversations with the Cold Email Sequence Builder and keep posting after launch day with the 90-Day Content Calendar.

    Buying the bundle unlocks each listing in your library, plus a launch-week checklist that tells you which prompt to run on which day.
  `,
  teaser: "Four launch essentials in one purchase, plus a day-by-day launch-week plan that sequences them.",
  aiModels: ["ChatGPT", "Claude"],
  category: "Copywriting",
  priceAmount: 3900,
  currency: "USD",
  bundleOf: [
    "landing-page-copy-architect",
    "cold-email-sequence-builder",
    "headline-stress-test",
    "90-day-content-calendar-template",
  ],
  body: dedent`
    LAUNCH WEEK PLAN

    Day -14: Run the Landing Page Copy Architect. Do the interview with a colleague or a customer on the call if you can.
    Day -12: Run every headline option through the Headline Stress Test. Keep the top two for an A/B test.
    Day -10: Build your prospect list (20-50 names). Run the Cold Email Sequence Builder for your top 10 accounts individually and once per segment for the rest.
    Day -7: Fill the 90-Day Content Calendar with launch week as week 1: the long piece is your launch story.
    Day -3: Proof check. Re-run step 4 of the Landing Page Copy Architect on the final page.
    Day 0: Publish the page, send email 1 to your list, post the launch story.
    Day +3: Email 2 goes out. Post the first behind-the-scenes piece.
    Day +7: Review: which headline won, which email got replies. Feed the best phrases back into the calendar.
  `,
  instructions:
    "Each included listing appears in your library with its own prompt and files. Start with the launch week plan above and open the listings in the order it lists.",
  examples: [
    {
      input: "I launch a Notion template shop on the 1st. What do I run first?",
      output:
        "On the 17th of the previous month run the Landing Page Copy Architect; on the 19th stress-test the headlines; on the 21st build outreach to 20 Notion creators for collaborations; on the 24th fill the calendar with launch week as week 1.",
    },
    {
      input: "I only have 5 days until launch.",
      output:
        "Compress: day 1 landing page + headlines, day 2 proof check and calendar week 1 only, day 3 outreach to your 10 warmest contacts, day 5 launch. Skip the segment-level sequences until after launch.",
    },
  ],
};

const salesPageFaqDraft: ListingSeed = {
  slug: "sales-page-faq-generator",
  type: "PROMPT",
  status: "DRAFT",
  title: "Sales Page FAQ Generator",
  tagline: "FAQs built from real objections, not filler questions.",
  description: dedent`
    Work in progress: a prompt that mines support tickets and sales call notes for objections and turns them into an honest FAQ section.

    Still testing the ordering logic on two client pages.
  `,
  teaser: "Mines support tickets and call notes for objections and writes an honest FAQ.",
  aiModels: ["ChatGPT", "Claude"],
  category: "Copywriting",
  priceAmount: 700,
  currency: "USD",
  body: dedent`
    You are a conversion copywriter. From the SUPPORT TICKETS and SALES NOTES below, list every distinct objection a buyer has before purchasing [PRODUCT].
    SUPPORT TICKETS: [PASTE]
    SALES NOTES: [PASTE]
    Rank objections by frequency. For the top 8, write an FAQ entry: the question in the buyer's words, and an honest answer in 2-4 sentences that names limitations where they exist.
  `,
  instructions: "Draft: paste anonymised tickets only.",
  examples: [
    {
      input: "20 tickets for a meal-kit service.",
      output:
        'Top objection (7/20): "What if I\'m not home for delivery?" — Answer: Boxes stay cold for 48 hours in their insulated liner. You can also pick a delivery window or a neighbour in your account.',
    },
    {
      input: "Sales notes from a B2B analytics tool.",
      output:
        'Top objection (5/12): "Do we need a data engineer to set this up?" — Answer: Not for the standard connectors (Stripe, HubSpot, Postgres). Custom sources need someone comfortable with SQL for about a day.',
    },
  ],
};

export const marenWrites: ShopSeed = {
  owner: { email: "seller@stapel.test", name: "Maren Holt" },
  handle: "maren-writes",
  name: "Maren Writes",
  bio: dedent`
    Conversion copywriter for SaaS and DTC brands since 2014. I turn the frameworks I use on client work into prompts you can run in ChatGPT or Claude in minutes.

    Every prompt here has been used on real client projects before it was listed. No "ultimate mega-packs", just tools I use myself.
  `,
  defaultCurrency: "USD",
  listings: [
    landingPageCopyArchitect,
    coldEmailSequenceBuilder,
    brandVoiceExtractor,
    linkedinPostGhostwriter,
    productDescriptionRewriter,
    newsletterIssueOutliner,
    customerInterviewSynthesizer,
    seoBriefGenerator,
    headlineStressTest,
    readmeRewriter,
    courseModuleOutliner,
    contentCalendarTemplate,
    launchCopyKit,
    salesPageFaqDraft,
  ],
  plans: [
    {
      name: "Copy Club",
      description:
        "Every prompt and template in Maren Writes, including new releases (about two a month), for one monthly price, or pay yearly and get two months free. Start with a free week; cancel any time.",
      prices: [
        { amount: 900, currency: "USD", interval: "MONTH" },
        { amount: 9000, currency: "USD", interval: "YEAR" },
        { amount: 900, currency: "EUR", interval: "MONTH" },
        { amount: 9000, currency: "EUR", interval: "YEAR" },
      ],
      trialDays: 7,
      includesAllListings: true,
    },
  ],
};
