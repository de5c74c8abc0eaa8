import { csv, dedent } from "./text.ts";
import type { ListingSeed, ShopSeed } from "./types.ts";

/** An automation builder selling agents (n8n, Zapier, CrewAI, custom GPTs) in USD. */

const INBOX_TRIAGE_SYSTEM_PROMPT = dedent`
  You are an email triage assistant for [COMPANY]. Classify the email below and draft a reply when appropriate.
  Categories: SALES_LEAD, SUPPORT, BILLING, PARTNERSHIP, RECRUITING, NEWSLETTER, SPAM, OTHER.
  Urgency: HIGH (customer blocked, payment failed, legal, a deadline within 48 hours), NORMAL, LOW.
  Return only JSON: {"category": "...", "urgency": "...", "summary": "one sentence", "needs_reply": true|false, "draft_reply": "... or empty", "confidence": 0-1}.
  Draft replies only for SUPPORT and BILLING, in a warm, brief tone, max 120 words, signed "[SIGNATURE]". Never promise refunds, discounts or dates. If confidence is below 0.7, set needs_reply to false and category to OTHER.
`;

const inboxTriageAgent: ListingSeed = {
  slug: "inbox-triage-agent-n8n",
  type: "AGENT",
  status: "PUBLISHED",
  publishedDaysAgo: 88,
  title: "Inbox Triage Agent for n8n",
  tagline: "Labels, prioritises and drafts replies for your shared inbox, so you only read what matters.",
  description: dedent`
    An n8n workflow plus the LLM instructions that power it. Every new email in a Gmail or Outlook inbox gets classified (sales lead, support, billing, partnership, recruiting, newsletter, spam), given an urgency, summarised in one line and, for support and billing, answered with a draft that waits in your drafts folder for a human to review.

    High-urgency emails ping a Slack channel. Everything is logged to a Google Sheet so you can check the agent's decisions and tune it. It runs on OpenAI or Anthropic models; swap the LLM node and keep the same prompt.

    I've run this for three clients with 80-300 emails a day. Typical result: the team reads 30% of the inbox instead of 100%.
  `,
  teaser:
    "A ready-to-import n8n workflow: classify every email into eight categories with urgency, draft replies for support and billing, alert Slack on urgent ones and log every decision for review.",
  aiModels: ["ChatGPT", "Claude"],
  category: "Automation",
  priceAmount: 2900,
  currency: "USD",
  body: dedent`
    ARCHITECTURE
    Gmail Trigger (new email) → Clean text (strip signatures and quoted replies) → LLM: classify + draft → Parse JSON → Switch on category →
      SUPPORT / BILLING: create Gmail draft reply + label
      SALES_LEAD: label + add row to CRM sheet
      HIGH urgency (any category): Slack message to #inbox-urgent
      NEWSLETTER / SPAM: label + archive
    → Log row to Google Sheet (timestamp, from, subject, category, urgency, confidence, action)

    SYSTEM PROMPT FOR THE LLM NODE
    ${INBOX_TRIAGE_SYSTEM_PROMPT}

    USER MESSAGE TEMPLATE
    From: {{ $json.from }}
    Subject: {{ $json.subject }}
    Body (cleaned): {{ $json.text }}

    GUARDRAILS
    - The agent never sends email. It only creates drafts.
    - Anything below 0.7 confidence goes to OTHER, which stays in the inbox untouched.
    - The log sheet is the review queue for week one: check 20 decisions a day and add misclassified examples to the prompt as few-shot examples.
  `,
  instructions: dedent`
    1. In n8n: Workflows → Import from file → inbox-triage-workflow.json.
    2. Add credentials for Gmail, your LLM provider (OpenAI or Anthropic), Slack and Google Sheets.
    3. Replace [COMPANY] and [SIGNATURE] in the LLM node's system prompt.
    4. Run it in "manual" mode on 20 recent emails and compare with what you would have done before activating.
  `,
  examples: [
    {
      input:
        "From: anna@bakery.example — Subject: Card declined again?? — 'Hi, our payment failed this morning and now the POS says our plan is paused. We open in an hour.'",
      output:
        '{"category": "BILLING", "urgency": "HIGH", "summary": "Customer\'s payment failed and their POS plan is paused an hour before opening.", "needs_reply": true, "draft_reply": "Hi Anna, sorry about the stress this morning. I\'ve flagged your account so our billing team looks at it right away...", "confidence": 0.93} → draft created, Slack alert sent.',
    },
    {
      input: "From: news@saas-weekly.example — Subject: This week in SaaS: 12 tools you missed",
      output:
        '{"category": "NEWSLETTER", "urgency": "LOW", "summary": "Weekly SaaS tools newsletter.", "needs_reply": false, "draft_reply": "", "confidence": 0.98} → labelled and archived.',
    },
    {
      input:
        "From: unknown sender — Subject: quick question — 'Are you the right person to talk to about your supplier onboarding process?'",
      output:
        '{"category": "OTHER", "urgency": "NORMAL", "summary": "Unclear request about supplier onboarding, possibly sales outreach.", "needs_reply": false, "confidence": 0.55} → left untouched for a human.',
    },
  ],
  files: [
    {
      fileName: "inbox-triage-workflow.json",
      contentType: "application/json",
      build: () => {
        const workflow = {
          name: "Inbox Triage Agent",
          nodes: [
            {
              id: "1",
              name: "Gmail Trigger",
              type: "n8n-nodes-base.gmailTrigger",
              typeVersion: 1,
              position: [0, 0],
              parameters: {
                pollTimes: { item: [{ mode: "everyMinute" }] },
                filters: { labelIds: ["INBOX"] },
              },
            },
            {
              id: "2",
              name: "Clean Text",
              type: "n8n-nodes-base.code",
              typeVersion: 2,
              position: [220, 0],
              parameters: {
                jsCode:
                  "return $input.all().map(item => {\n  const text = (item.json.text || '').split(/\\n--\\s*\\n|\\nOn .* wrote:/)[0].slice(0, 6000);\n  return { json: { from: item.json.from, subject: item.json.subject, text, id: item.json.id, threadId: item.json.threadId } };\n});",
              },
            },
            {
              id: "3",
              name: "Classify and Draft",
              type: "@n8n/n8n-nodes-langchain.openAi",
              typeVersion: 1,
              position: [440, 0],
              parameters: {
                modelId: "gpt-4o-mini",
                messages: {
                  values: [
                    { role: "system", content: INBOX_TRIAGE_SYSTEM_PROMPT },
                    {
                      role: "user",
                      content:
                        "From: {{ $json.from }}\nSubject: {{ $json.subject }}\nBody (cleaned): {{ $json.text }}",
                    },
                  ],
                },
                jsonOutput: true,
              },
            },
            {
              id: "4",
              name: "Route by Category",
              type: "n8n-nodes-base.switch",
              typeVersion: 3,
              position: [660, 0],
              parameters: {
                rules: ["SUPPORT", "BILLING", "SALES_LEAD", "NEWSLETTER", "SPAM"].map((category) => ({
                  value: category,
                  condition: "{{ $json.category }}",
                })),
              },
            },
            {
              id: "5",
              name: "Create Draft Reply",
              type: "n8n-nodes-base.gmail",
              typeVersion: 2,
              position: [880, -120],
              parameters: {
                resource: "draft",
                operation: "create",
                threadId: "={{ $('Clean Text').item.json.threadId }}",
                message: "={{ $json.draft_reply }}",
              },
            },
            {
              id: "8",
              name: "Is Urgent?",
              type: "n8n-nodes-base.if",
              typeVersion: 2,
              position: [660, 200],
              parameters: { conditions: { string: [{ value1: "={{ $json.urgency }}", value2: "HIGH" }] } },
            },
            {
              id: "6",
              name: "Urgent to Slack",
              type: "n8n-nodes-base.slack",
              typeVersion: 2,
              position: [880, 200],
              parameters: {
                channel: "#inbox-urgent",
                text: "=:rotating_light: {{ $json.summary }} ({{ $json.category }})",
              },
            },
            {
              id: "7",
              name: "Log Decision",
              type: "n8n-nodes-base.googleSheets",
              typeVersion: 4,
              position: [1100, 0],
              parameters: {
                operation: "append",
                sheetName: "triage-log",
                columns: ["timestamp", "from", "subject", "category", "urgency", "confidence", "action"],
              },
            },
          ],
          connections: {
            "Gmail Trigger": { main: [[{ node: "Clean Text", type: "main", index: 0 }]] },
            "Clean Text": { main: [[{ node: "Classify and Draft", type: "main", index: 0 }]] },
            "Classify and Draft": {
              main: [
                [
                  { node: "Route by Category", type: "main", index: 0 },
                  { node: "Is Urgent?", type: "main", index: 0 },
                ],
              ],
            },
            "Is Urgent?": { main: [[{ node: "Urgent to Slack", type: "main", index: 0 }], []] },
            "Route by Category": {
              main: [
                [{ node: "Create Draft Reply", type: "main", index: 0 }],
                [{ node: "Create Draft Reply", type: "main", index: 0 }],
                [{ node: "Log Decision", type: "main", index: 0 }],
                [{ node: "Log Decision", type: "main", index: 0 }],
                [{ node: "Log Decision", type: "main", index: 0 }],
              ],
            },
            "Create Draft Reply": { main: [[{ node: "Log Decision", type: "main", index: 0 }]] },
          },
          settings: { executionOrder: "v1" },
        };
        return `${JSON.stringify(workflow, null, 2)}\n`;
      },
    },
  ],
};

const supportReplyGpt: ListingSeed = {
  slug: "support-reply-drafter-gpt",
  type: "AGENT",
  status: "PUBLISHED",
  publishedDaysAgo: 81,
  title: "Support Reply Drafter (Custom GPT)",
  tagline: "A custom GPT that answers support tickets from your help docs, in your tone.",
  description: dedent`
    Complete instructions and setup for a custom GPT that drafts replies to customer support tickets using only your own help-centre articles as knowledge. It cites the article it used, asks for missing details instead of guessing, and escalates anything about refunds, legal or security to a human.

    Small teams use it to get first-reply times down without letting a bot talk to customers directly: the GPT drafts, a person sends.
  `,
  teaser:
    "GPT instructions that answer only from your uploaded help articles, cite their source, ask for missing details and escalate sensitive topics.",
  aiModels: ["ChatGPT"],
  category: "Business",
  priceAmount: 1900,
  currency: "USD",
  body: dedent`
    GPT NAME: [COMPANY] Support Drafter
    DESCRIPTION: Drafts replies to support tickets using our help centre.

    INSTRUCTIONS
    You draft replies to customer support tickets for [COMPANY], which makes [PRODUCT]. A human agent will review and send every reply.

    Knowledge: use ONLY the uploaded help-centre articles. If the answer is not in them, say "I couldn't find this in the help centre" and list what the agent should check. Never invent features, prices, timelines or policies.

    For every ticket, output:
    1. TICKET TYPE: how-to / bug / billing / account / feature request / complaint / other
    2. WHAT THE CUSTOMER NEEDS: one sentence.
    3. MISSING INFORMATION: what we need to ask the customer (e.g. browser, account email, screenshot), or "none".
    4. DRAFT REPLY:
       - Greet by first name if known.
       - Acknowledge the problem in one sentence, without over-apologising.
       - Give the answer as numbered steps where possible.
       - Link the help article: [Article title](URL).
       - End with one question or next step.
       - Max 150 words. Tone: [TONE, e.g. friendly, direct, no exclamation marks].
    5. SOURCE: the article(s) used.
    6. ESCALATE? yes/no with reason.

    Always escalate (and don't draft an answer on the topic itself) for: refunds, chargebacks, legal threats, data deletion requests, security incidents, and anything involving another customer's data.

    CONVERSATION STARTERS
    - Draft a reply to this ticket:
    - Is this ticket a bug or a how-to question?
    - Rewrite this reply to be shorter and warmer:
  `,
  instructions: dedent`
    In ChatGPT: Explore GPTs → Create → Configure. Paste the instructions, upload your help-centre articles (export them as PDF or Markdown; one file per category works best) and turn off web browsing so it can only use your docs.
    Test with 20 real past tickets before sharing with the team.
  `,
  examples: [
    {
      input: "Ticket: 'how do i export my invoices?? need them for my accountant by friday' — from Lukas",
      output: dedent`
        TICKET TYPE: how-to. NEEDS: export invoices for accountant. MISSING: none.
        DRAFT: Hi Lukas, you can export all invoices in a few clicks: 1. Go to Billing → Invoices. 2. Choose the date range. 3. Click Export and pick CSV or PDF. Here's the guide: [Exporting invoices](https://help.example.com/export-invoices). Do you need them in a particular format for your accountant?
        SOURCE: Exporting invoices. ESCALATE: no.
      `,
    },
    {
      input: "Ticket: 'I was charged twice, I want my money back now or I'm disputing with my bank.'",
      output:
        "TICKET TYPE: billing/complaint. ESCALATE: yes — refund request with chargeback threat. Suggested holding reply for the agent: acknowledge, confirm we're looking into the double charge today, no promises about the refund outcome.",
    },
  ],
};

const crewaiMarketResearch: ListingSeed = {
  slug: "crewai-market-research-crew",
  type: "AGENT",
  status: "PUBLISHED",
  publishedDaysAgo: 76,
  title: "Market Research Crew for CrewAI",
  tagline: "Three agents that research a market, size the opportunity and write the memo.",
  description: dedent`
    A CrewAI setup with three collaborating agents: a Researcher who gathers facts about competitors, pricing and customer complaints; an Analyst who turns them into a market map with a rough opportunity size; and a Writer who produces a two-page decision memo with sources.

    You get the agent and task definitions as a config file, the exact role/goal/backstory text, a README with setup steps, and the guardrails that keep the crew from inventing numbers. Runs with OpenAI, Anthropic or a local Llama model via Ollama.
  `,
  teaser:
    "Role, goal and backstory definitions for a researcher, an analyst and a writer, with task chaining and anti-hallucination rules; ready-made config file plus setup README.",
  aiModels: ["ChatGPT", "Claude", "Llama"],
  category: "Business",
  priceAmount: 3900,
  currency: "USD",
  body: dedent`
    AGENTS
    Researcher
      role: Market Researcher
      goal: Collect verifiable facts about [MARKET] in [REGION]: top competitors, their pricing, positioning, and recurring customer complaints.
      backstory: You worked ten years at an equity research firm. You never state a number without a source URL, and you label estimates as estimates.
      tools: web search, web scraper

    Analyst
      role: Market Analyst
      goal: Turn the research into a market map and a bottom-up opportunity estimate for [OUR PRODUCT IDEA].
      backstory: A former strategy consultant who distrusts top-down TAM numbers and builds estimates from customer counts and prices.

    Writer
      role: Memo Writer
      goal: Write a two-page decision memo for [DECISION MAKER] recommending whether to pursue [OUR PRODUCT IDEA].
      backstory: You write like a good investment memo: the recommendation first, then the evidence, then the risks.

    TASKS (sequential)
    1. research_task (Researcher): list 8-12 competitors with URL, target customer, pricing (with source), and 3 complaint themes from reviews with example quotes and sources. Expected output: a Markdown table and a bullet list of complaint themes.
    2. analysis_task (Analyst, context: research_task): group competitors into 3-4 segments on a 2x2 (choose meaningful axes and explain them); estimate the reachable market as number of customers × price, showing every assumption; list 3 gaps.
    3. memo_task (Writer, context: research_task, analysis_task): recommendation (pursue / test / drop) in the first paragraph; evidence; risks; the cheapest experiment to validate it in 30 days. Max 900 words, with a sources list.

    GUARDRAILS (add to every agent's backstory)
    - If you cannot find a source for a fact, write "unverified" next to it.
    - Never extrapolate a market size from a single data point.
    - Prefer primary sources (company pricing pages, filings, review sites) over listicles.
  `,
  instructions: dedent`
    1. pip install crewai crewai-tools
    2. Copy crew-config.json next to your script and load it as shown in README.md.
    3. Set SERPER_API_KEY (search) and your LLM key, or point the agents at a local Ollama model.
    4. Fill [MARKET], [REGION], [OUR PRODUCT IDEA] and [DECISION MAKER] in the config and run: python run_crew.py
  `,
  examples: [
    {
      input:
        "Market: scheduling software for dog groomers, region: UK. Idea: booking + automatic vaccination-record reminders.",
      output: dedent`
        Memo, paragraph 1: Recommendation: TEST. There are 9 competitors, but only 2 handle vaccination records, both poorly rated on setup ("took me a weekend to import clients", Capterra). Reachable market: ~4,200 UK grooming businesses (unverified count from a trade association page) × £25/month ≈ £1.3M/year.
        Cheapest experiment: a landing page plus 15 calls with groomers from two regional Facebook groups.
      `,
    },
    {
      input: "Analyst 2x2 axes for the same market.",
      output:
        "Axes: 'solo groomer ↔ multi-site salon' and 'booking only ↔ full business management'. Gap: no product for solo mobile groomers that handles vaccination records offline.",
    },
  ],
  files: [
    {
      fileName: "crew-config.json",
      contentType: "application/json",
      build: () => {
        const guardrails =
          "If you cannot find a source for a fact, write 'unverified' next to it. Never extrapolate a market size from a single data point. Prefer primary sources.";
        const config = {
          variables: {
            market: "[MARKET]",
            region: "[REGION]",
            idea: "[OUR PRODUCT IDEA]",
            decision_maker: "[DECISION MAKER]",
          },
          agents: {
            researcher: {
              role: "Market Researcher",
              goal: "Collect verifiable facts about {market} in {region}: top competitors, their pricing, positioning and recurring customer complaints.",
              backstory: `You worked ten years at an equity research firm. You never state a number without a source URL. ${guardrails}`,
              tools: ["SerperDevTool", "ScrapeWebsiteTool"],
              allow_delegation: false,
            },
            analyst: {
              role: "Market Analyst",
              goal: "Turn the research into a market map and a bottom-up opportunity estimate for {idea}.",
              backstory: `A former strategy consultant who distrusts top-down TAM numbers. ${guardrails}`,
              tools: [],
              allow_delegation: false,
            },
            writer: {
              role: "Memo Writer",
              goal: "Write a two-page decision memo for {decision_maker} recommending whether to pursue {idea}.",
              backstory: `You write like a good investment memo: recommendation first, then evidence, then risks. ${guardrails}`,
              tools: [],
              allow_delegation: false,
            },
          },
          tasks: [
            {
              name: "research_task",
              agent: "researcher",
              description:
                "List 8-12 competitors with URL, target customer, pricing (with source), and 3 complaint themes from reviews with example quotes and sources.",
              expected_output: "A Markdown table of competitors and a bullet list of complaint themes.",
            },
            {
              name: "analysis_task",
              agent: "analyst",
              context: ["research_task"],
              description:
                "Group competitors into 3-4 segments on a 2x2, estimate the reachable market as customers x price with every assumption shown, and list 3 gaps.",
              expected_output: "A 2x2 description, an estimate table and 3 gaps.",
            },
            {
              name: "memo_task",
              agent: "writer",
              context: ["research_task", "analysis_task"],
              description:
                "Recommendation (pursue / test / drop) first; evidence; risks; the cheapest 30-day experiment. Max 900 words with sources.",
              expected_output: "A decision memo in Markdown.",
            },
          ],
          process: "sequential",
        };
        return `${JSON.stringify(config, null, 2)}\n`;
      },
    },
    {
      fileName: "README.md",
      contentType: "text/markdown",
      build: () =>
        dedent`
          # Market Research Crew — setup

          ## Requirements
          - Python 3.10+
          - pip install crewai crewai-tools
          - A search API key (SERPER_API_KEY) and an LLM: OpenAI, Anthropic, or Ollama running llama3.1 locally

          ## Loading the config
          Read crew-config.json, replace the {market}, {region}, {idea} and {decision_maker} placeholders,
          create one Agent per entry under "agents" and one Task per entry under "tasks" (keep their order),
          then create a Crew with process "sequential" and call kickoff().

          ## Cost and time
          A typical run makes 25-40 LLM calls and 15-30 searches, and takes 4-8 minutes.

          ## Reviewing the output
          - Open every source URL in the research table before you share the memo.
          - Anything marked "unverified" needs a human check.
          - If the analyst's estimate rests on one number, re-run the research task with a narrower region.
        `,
    },
  ],
};

const meetingNotesToTasks: ListingSeed = {
  slug: "meeting-notes-to-tasks-zapier",
  type: "AGENT",
  status: "PUBLISHED",
  publishedDaysAgo: 69,
  title: "Meeting Notes → Tasks (Zapier Agent)",
  tagline: "After every call, action items land in your task manager with owners and due dates.",
  description: dedent`
    A Zapier automation with an AI step that reads your meeting transcript (from Zoom, Google Meet via a notetaker, or Otter), extracts decisions and action items with owners and due dates, creates tasks in Asana, Todoist or Notion, and posts a summary to Slack.

    The value is in the extraction prompt: it separates real commitments ("I'll send the deck by Thursday") from vague intentions ("we should look into that"), and resolves relative dates from the meeting date.
  `,
  teaser:
    "A Zap blueprint with an extraction step that separates real commitments from vague ideas, resolves relative dates, and routes tasks to your task manager with owners.",
  aiModels: ["ChatGPT", "Gemini"],
  category: "Productivity",
  priceAmount: 1500,
  currency: "USD",
  body: dedent`
    ZAP STEPS
    1. Trigger: new transcript (Otter / Fireflies / Zoom cloud recording / Google Drive folder).
    2. AI step (ChatGPT or Gemini via Zapier AI by Zapier): extraction prompt below, output as JSON.
    3. Looping by Zapier: for each action item →
    4. Create task in Asana / Todoist / Notion with title, assignee (mapped from name to email in a lookup table), due date, and a link to the transcript.
    5. Slack: post the summary and decision list to the meeting's channel.

    EXTRACTION PROMPT
    You read meeting transcripts and extract commitments. Meeting date: {{meeting_date}}. Participants: {{participants}}.
    Return JSON: {"summary": "3 sentences max", "decisions": ["..."], "action_items": [{"task": "starts with a verb", "owner": "participant name or UNASSIGNED", "due": "YYYY-MM-DD or null", "quote": "exact words from the transcript"}], "open_questions": ["..."]}
    Rules:
    - An action item needs a clear commitment ("I'll…", "Can you… — Yes", "X will…"). "We should…", "maybe", "it'd be nice to…" go into open_questions.
    - Resolve relative dates using the meeting date ("by Friday" → the next Friday after the meeting; "end of month" → last day of the month).
    - If the owner is ambiguous, use UNASSIGNED; never guess.
    - Include the exact quote so a human can verify.
    Transcript: {{transcript}}
  `,
  instructions:
    "Build the Zap following zap-setup.md. Start with the Slack summary only for a week, check the action items against your own notes, then enable task creation.",
  examples: [
    {
      input:
        "Meeting date 2025-05-06 (Tuesday). 'Sara: I'll send the revised quote by Friday. Tom: we should probably look at the onboarding emails at some point.'",
      output:
        '{"action_items": [{"task": "Send the revised quote", "owner": "Sara", "due": "2025-05-09", "quote": "I\'ll send the revised quote by Friday"}], "open_questions": ["Look at the onboarding emails (no owner, no date)"]}',
    },
    {
      input: "'Can someone check the invoice numbering?' — 'Yep, on it.' (speaker not identified)",
      output:
        '{"task": "Check the invoice numbering", "owner": "UNASSIGNED", "due": null, "quote": "Yep, on it."} — flagged because the speaker isn\'t identified.',
    },
  ],
  files: [
    {
      fileName: "zap-setup.md",
      contentType: "text/markdown",
      build: () =>
        dedent`
          # Meeting Notes → Tasks: Zap setup

          | Step | App | Event | Key fields |
          | --- | --- | --- | --- |
          | 1 | Otter.ai (or Fireflies, Google Drive) | New transcript | transcript text, meeting date, participants |
          | 2 | AI by Zapier | Analyze and return data | prompt = extraction prompt, output = JSON |
          | 3 | Formatter | Utilities → Line itemizer | action_items |
          | 4 | Looping by Zapier | Create loop from line items | task, owner, due, quote |
          | 5 | Lookup table | name → email | owner |
          | 6 | Asana / Todoist / Notion | Create task | name = task, assignee = looked-up email, due = due, notes = quote + transcript link |
          | 7 | Slack | Send channel message | summary, decisions, open questions |

          ## Owner lookup table
          Add one row per teammate: the name as it appears in transcripts → their email in the task manager.
          Unknown names and UNASSIGNED map to the meeting organiser.

          ## Testing checklist
          - [ ] A meeting with no action items creates no tasks
          - [ ] "By Friday" resolves to the right date for a Friday meeting (the next week's Friday)
          - [ ] Tasks link back to the transcript
          - [ ] Slack message arrives within 5 minutes of the transcript
        `,
    },
  ],
};

const leadEnrichmentAgent: ListingSeed = {
  slug: "lead-enrichment-scoring-agent",
  type: "AGENT",
  status: "PUBLISHED",
  publishedDaysAgo: 63,
  title: "Lead Enrichment & Scoring Agent",
  tagline: "Every new sign-up researched, scored against your ICP and routed before sales wakes up.",
  description: dedent`
    An agent that runs on every new lead (form fill, trial sign-up, demo request): it looks up the company from the email domain, reads the homepage, estimates size and industry, scores the lead against your ideal customer profile with reasons, and routes it: hot leads to a sales rep with a suggested first line, the rest to a nurture list.

    Delivered as platform-neutral agent instructions plus step-by-step builds for Zapier and n8n. The scoring rubric is yours to edit; the reasoning is always shown so reps trust the score.
  `,
  teaser:
    "Researches each lead's company from the email domain and website, scores it against an editable ICP rubric with visible reasons, and routes it with a suggested opening line.",
  aiModels: ["ChatGPT"],
  category: "Automation",
  priceAmount: 2400,
  currency: "USD",
  body: dedent`
    AGENT INSTRUCTIONS
    You are a sales research assistant for [COMPANY], which sells [PRODUCT] to [ICP DESCRIPTION].
    Input: lead name, email, job title (if given), form answers, and the text of the company homepage.

    Step 1 — Company profile: name, what they do (one sentence), industry, approximate employee range (1-10, 11-50, 51-200, 201-1000, 1000+) with the evidence for it, and region. Personal email domains (gmail, outlook…) → company "unknown".
    Step 2 — Score against the ICP rubric (0-100):
      Industry fit: [INDUSTRIES] = 30 points, adjacent = 15, other = 0
      Size fit: [SIZE RANGE] = 25, one range off = 10
      Role fit: [ROLES] = 20, influencer roles = 10
      Intent: demo request = 15, trial = 10, content download = 5
      Negative signals: competitor, student, agency reseller = minus 30
    Step 3 — Route: score ≥ 70 → HOT; 40-69 → WARM; < 40 → NURTURE.
    Step 4 — For HOT leads, write a first line for the rep that references something specific from the homepage (max 25 words, no flattery).

    Output JSON: {"company": {...}, "score": n, "score_reasons": ["+30 industry: ...", ...], "route": "HOT|WARM|NURTURE", "first_line": "... or empty", "confidence": 0-1}
    Never invent facts about the company; if the homepage text is empty, score only on the form data and set confidence ≤ 0.5.
  `,
  instructions:
    "Fill in the rubric with your ICP. Back-test on 30 past leads whose outcome you know, and adjust the point weights until HOT leads are the ones that actually closed.",
  examples: [
    {
      input:
        "Lead: maria@harborlogistics.example, 'Head of Operations', demo request. ICP: logistics companies with 50-500 employees.",
      output:
        '{"score": 85, "score_reasons": ["+30 industry: freight forwarding (homepage)", "+25 size: \'over 120 people in 4 ports\' (about page)", "+20 role: Head of Operations", "+15 intent: demo request", "-5 uncertainty: size from a single mention"], "route": "HOT", "first_line": "Saw Harbor just opened the Rotterdam office. How are you coordinating bookings across four ports today?"}',
    },
    {
      input: "Lead: jake.student@gmail.example, trial sign-up, form: 'for my thesis'.",
      output:
        '{"company": "unknown", "score": 0, "score_reasons": ["+10 intent: trial", "-30 negative: student"], "route": "NURTURE", "confidence": 0.9}',
    },
  ],
};

const prReviewAgent: ListingSeed = {
  slug: "pull-request-review-agent",
  type: "AGENT",
  status: "PUBLISHED",
  publishedDaysAgo: 57,
  title: "Pull Request Review Agent (GitHub Actions)",
  tagline: "A first-pass code reviewer that comments on risk, not style nits.",
  description: dedent`
    A GitHub Actions workflow and review instructions that have Claude read every pull request's diff and leave one summary comment: what the change does, the risky parts (data migrations, auth, concurrency, error handling), missing tests, and questions for the author.

    It is tuned to stay quiet about formatting and naming, which your linter already handles, and to say "nothing notable" when there is nothing notable. Teams keep it on because it doesn't cry wolf.
  `,
  teaser:
    "A GitHub Actions workflow plus review instructions focused on risk areas (migrations, auth, concurrency, errors, tests), explicitly told to skip style nits.",
  aiModels: ["Claude"],
  category: "Coding",
  priceAmount: 2500,
  currency: "USD",
  body: dedent`
    REVIEW INSTRUCTIONS (system prompt)
    You are a senior engineer doing a first-pass review of a pull request in [REPO DESCRIPTION, e.g. a TypeScript API with PostgreSQL].
    You receive the PR title, description and unified diff.

    Write ONE comment in Markdown with these sections:
    **Summary** — what the change does in 2-3 sentences, in plain language.
    **Risk** — only if present, each with file:line and why it matters:
      - data: migrations, destructive queries, backfills without batching
      - security: auth checks, input validation, secrets, injection
      - concurrency: race conditions, missing transactions, idempotency
      - failure handling: swallowed errors, missing timeouts, retries without backoff
      - compatibility: API or schema changes that break existing clients
    **Tests** — which changed behaviour has no test, as concrete test case names.
    **Questions** — at most 3 questions for the author.

    Rules:
    - Do not comment on formatting, naming or import order.
    - Never suggest a change you cannot point to in the diff.
    - If the diff is larger than you can review fully, say which files you reviewed.
    - If nothing is risky, write "No notable risks found." and keep the comment under 80 words.

    WORKFLOW
    See pr-review.yml: triggers on pull_request (opened, synchronize), fetches the diff, truncates it to [MAX CHARS] characters with a file list, calls the Anthropic API with the instructions above and posts or updates a single comment.
  `,
  instructions:
    "Copy pr-review.yml into .github/workflows/, add ANTHROPIC_API_KEY as a repository secret and replace [REPO DESCRIPTION] in the instructions. Label a PR 'skip-ai-review' to skip it.",
  examples: [
    {
      input:
        "PR: 'Add soft delete to users'. Diff adds deleted_at column and changes the users query in 4 places, but not in the login query.",
      output: dedent`
        **Summary** Adds a deleted_at column to users and filters deleted users out of the admin list, search and exports.
        **Risk** security: auth/login.ts:42 still selects users without the deleted_at filter, so a soft-deleted user can still sign in.
        **Tests** "soft-deleted user cannot sign in"; "export excludes soft-deleted users".
      `,
    },
    {
      input: "PR: 'Fix typo in README'.",
      output: "**Summary** Fixes a typo in the README. No notable risks found.",
    },
  ],
  files: [
    {
      fileName: "pr-review.yml",
      contentType: "text/yaml",
      build: () =>
        dedent`
          name: AI first-pass review
          on:
            pull_request:
              types: [opened, synchronize]
          permissions:
            contents: read
            pull-requests: write
          jobs:
            review:
              if: "!contains(github.event.pull_request.labels.*.name, 'skip-ai-review')"
              runs-on: ubuntu-latest
              steps:
                - uses: actions/checkout@v4
                  with:
                    fetch-depth: 0
                - name: Collect diff
                  run: |
                    git diff origin/main...HEAD --stat > files.txt
                    git diff origin/main...HEAD | head -c 60000 > diff.txt
                - name: Ask Claude for a review
                  env:
                    ANTHROPIC_API_KEY: \${{ secrets.ANTHROPIC_API_KEY }}
                  run: node .github/scripts/review.mjs files.txt diff.txt > comment.md
                - name: Post or update the comment
                  uses: marocchino/sticky-pull-request-comment@v2
                  with:
                    header: ai-review
                    path: comment.md
        `,
    },
  ],
};

const sqlQueryExplainer: ListingSeed = {
  slug: "sql-query-explainer",
  type: "PROMPT",
  status: "PUBLISHED",
  publishedDaysAgo: 50,
  title: "SQL Query Explainer & Optimizer",
  tagline: "Understand any query in plain English, then make it faster.",
  description: dedent`
    Paste a query someone else wrote (or you wrote six months ago) and get a step-by-step explanation of what it returns, in the order the database actually runs it. Then, if you paste the EXPLAIN output and table sizes, it suggests indexes and rewrites, with the reasoning and the trade-offs.

    Works with PostgreSQL, MySQL, SQLite, BigQuery and Snowflake dialects, and with any model including local Llama.
  `,
  teaser:
    "Explains a query in execution order with a plain-English summary, then uses your EXPLAIN output to propose indexes and rewrites with trade-offs.",
  aiModels: ["ChatGPT", "Claude", "Gemini", "Llama"],
  category: "Coding",
  priceAmount: 600,
  currency: "USD",
  body: dedent`
    You are a database engineer who explains clearly. Dialect: [POSTGRESQL / MYSQL / SQLITE / BIGQUERY / SNOWFLAKE].

    QUERY:
    [PASTE QUERY]

    OPTIONAL CONTEXT:
    - Table definitions or column lists: [PASTE]
    - Approximate row counts: [TABLE: ROWS]
    - EXPLAIN (ANALYZE) output: [PASTE]

    Part 1 — Explain:
    a. One sentence: what question does this query answer?
    b. Walk through it in execution order (FROM/JOIN → WHERE → GROUP BY → HAVING → window functions → SELECT → ORDER BY → LIMIT), one short paragraph per step.
    c. Describe one example output row in words.
    d. List subtle behaviours: NULL handling, duplicate rows from joins, integer division, time zones, LEFT JOIN conditions in WHERE.

    Part 2 — Optimize (only if EXPLAIN output or row counts are given):
    a. Identify the most expensive step from the plan and why.
    b. Suggest up to 3 changes ranked by impact: indexes (with exact CREATE INDEX statements), rewrites (with the full rewritten query), or schema changes.
    c. For each, state the trade-off (write cost, storage, behaviour change) and how to verify the gain.

    Never change what the query returns unless you flag it clearly as a behaviour change.
  `,
  instructions:
    "For Part 2 in PostgreSQL, run EXPLAIN (ANALYZE, BUFFERS) on a copy of production data, not on an empty dev database; plans differ completely with real row counts.",
  examples: [
    {
      input:
        "SELECT c.name, count(o.id) FROM customers c LEFT JOIN orders o ON o.customer_id = c.id WHERE o.created_at > now() - interval '30 days' GROUP BY c.name;",
      output: dedent`
        Answers: how many orders each customer placed in the last 30 days.
        Subtle behaviour: the WHERE condition on o.created_at turns the LEFT JOIN into an inner join, so customers with no recent orders disappear instead of showing 0. Move the condition into the ON clause if you want them listed with 0.
        Also: grouping by c.name merges two customers with the same name; group by c.id, c.name.
      `,
    },
    {
      input: "Same query, EXPLAIN shows Seq Scan on orders (12M rows), 4.1 s.",
      output:
        "Most expensive: sequential scan filtering orders by created_at. Change 1: CREATE INDEX CONCURRENTLY orders_created_at_customer_idx ON orders (created_at, customer_id); — trade-off: slightly slower inserts, ~300 MB. Verify: the plan should show an Index Only Scan and well under 100 ms.",
    },
  ],
};

const invoiceChaserAgent: ListingSeed = {
  slug: "invoice-chaser-agent",
  type: "AGENT",
  status: "PUBLISHED",
  publishedDaysAgo: 44,
  title: "Polite Invoice Chaser Agent",
  tagline: "Gets overdue invoices paid with escalating, human-sounding reminders.",
  description: dedent`
    Chasing invoices is awkward, so it doesn't happen, so cash flow suffers. This agent checks your invoicing tool (Stripe, Xero, QuickBooks or a spreadsheet) every morning, finds overdue invoices and drafts reminders that escalate in firmness over four stages, adjusted to how good a customer they are.

    It drafts; you approve with one click (or let stage 1 and 2 go automatically). It pauses chasing when a customer replies, and never threatens anything you haven't configured.
  `,
  teaser:
    "Daily overdue-invoice check with four reminder stages that escalate in firmness and adapt to customer history; pauses on replies and only drafts unless you allow auto-send.",
  aiModels: ["Claude", "ChatGPT"],
  category: "Business",
  priceAmount: 1900,
  currency: "USD",
  body: dedent`
    SCHEDULE
    Every weekday at 09:00: fetch invoices where status = open and due_date < today. Skip any invoice whose customer has replied in the last 5 days or is marked "do not chase".

    STAGES (days overdue)
    Stage 1 (1-6 days): friendly nudge, assume it slipped through.
    Stage 2 (7-20 days): clear reminder with the invoice attached and a direct payment link.
    Stage 3 (21-44 days): firm, mention the payment terms and ask for a payment date.
    Stage 4 (45+ days): final notice, state the next step exactly as configured in [STAGE 4 ACTION, e.g. "pause further work" or "late fee of 2% per month as per our terms"]. Never mention legal action unless configured.

    DRAFTING PROMPT
    You write payment reminders for [YOUR BUSINESS] to [CUSTOMER NAME], a customer since [FIRST INVOICE DATE] with [N] invoices paid on time and [M] paid late.
    Invoice [NUMBER] for [AMOUNT AND CURRENCY] was due on [DUE DATE]; it is [DAYS] days overdue, so this is stage [STAGE].
    Write a reminder of max 90 words. Tone: stage 1 warm and light, stage 2 clear, stage 3 firm and direct, stage 4 formal. For long-standing good customers, soften by one level and mention the relationship. Always include: the invoice number, the amount, the payment link [LINK], and one sentence that makes it easy to reply if there's a problem ("If something's wrong with the invoice, just reply and I'll sort it out").
    Subject line: under 50 characters, includes the invoice number.

    AUTOMATION RULES
    - Stages 1-2 may auto-send if AUTO_SEND_EARLY_STAGES is on; stages 3-4 always need approval.
    - Max one reminder per invoice per 6 days.
    - Amounts are formatted with the invoice's currency; never convert.
  `,
  instructions:
    "Connect your invoicing tool in Zapier or n8n (a webhook step works for anything else), paste the drafting prompt into the AI step, and keep auto-send off for the first two weeks.",
  examples: [
    {
      input:
        "Stage 1, customer since 2021, 14 invoices paid on time, invoice INV-1042 for $1,250.00, 3 days overdue.",
      output: dedent`
        Subject: INV-1042 — quick reminder
        Hi Priya, hope the week's going well. A quick note that INV-1042 ($1,250.00) was due on Monday; it probably just slipped through. Here's the payment link: [link]. If something's wrong with the invoice, just reply and I'll sort it out. Thanks as always!
      `,
    },
    {
      input: "Stage 3, new customer, INV-1090 for €800.00, 26 days overdue.",
      output:
        "Subject: INV-1090 is 26 days overdue\nHello Mr Berger, invoice INV-1090 (€800.00) is now 26 days past its due date. Our terms are 14 days. Could you let me know by Friday when we can expect payment? Pay here: [link]. If there's an issue with the invoice, reply and I'll resolve it.",
    },
  ],
};

const sopWriter: ListingSeed = {
  slug: "sop-writer",
  type: "PROMPT",
  status: "PUBLISHED",
  publishedDaysAgo: 35,
  title: "SOP Writer: From Screen Recording to Procedure",
  tagline: "Turn a narrated screen recording transcript into a step-by-step SOP anyone can follow.",
  description: dedent`
    The fastest way to document a process is to do it once while talking, then let AI write it up. This prompt turns the transcript of a narrated screen recording (Loom, Zoom or your phone) into a standard operating procedure with purpose, prerequisites, numbered steps, decision points, screenshots to capture and a checklist version.

    It asks about anything ambiguous in the recording instead of guessing, which is the difference between an SOP people use and one they ignore.
  `,
  teaser:
    "Converts a narrated screen-recording transcript into a numbered procedure with decision points, screenshot markers and a checklist version, asking about ambiguous steps.",
  aiModels: ["Claude", "Gemini"],
  category: "Productivity",
  priceAmount: 800,
  currency: "USD",
  body: dedent`
    You are an operations manager who writes clear standard operating procedures.

    PROCESS NAME: [NAME]
    WHO WILL FOLLOW IT: [ROLE AND EXPERIENCE LEVEL]
    TOOLS INVOLVED: [APPS]
    TRANSCRIPT OF THE NARRATED RECORDING:
    [PASTE]

    First, list every point in the transcript that is ambiguous (e.g. "then I do the usual thing", unexplained shortcuts, steps that depend on a situation) as questions. Wait for my answers.

    Then write the SOP:
    1. Purpose (1-2 sentences) and when to run it (trigger, frequency).
    2. Prerequisites: access, tools, information needed before starting.
    3. Steps: numbered, one action per step, starting with a verb, naming the exact button or field in "quotes". Insert [SCREENSHOT: what to capture] where a picture would prevent mistakes.
    4. Decision points: "If X, go to step N; otherwise continue", written inline.
    5. Common mistakes and how to fix them (from the transcript and your experience).
    6. Definition of done: how to check that the process succeeded.
    7. A one-page checklist version for people who've done it before.

    Write at a reading level a new hire can follow on their first week.
  `,
  instructions:
    "Record yourself doing the task once while narrating why you do each step, not just what. Gemini and Claude handle long transcripts well; paste the whole thing.",
  examples: [
    {
      input:
        "Process: monthly payroll export from Personio to the accountant. Transcript mentions 'then I fix the weird ones' twice.",
      output: dedent`
        Questions before writing:
        1. What makes an employee record "weird": missing tax ID, mid-month start, unpaid leave?
        2. Is the export always on the 25th, or the last working day before it?
        3. Who gets the file, and through which channel?
      `,
    },
    {
      input: "Answers given; write step 4 onwards.",
      output:
        '4. Click "Export" → "Payroll CSV" and choose the current month. [SCREENSHOT: export dialog with month selected]\n5. Open the file and filter the column "Status" for "Incomplete". If any rows appear, go to step 6; otherwise skip to step 8.',
    },
  ],
};

const automationAudit: ListingSeed = {
  slug: "automation-opportunity-audit",
  type: "TEMPLATE",
  status: "PUBLISHED",
  publishedDaysAgo: 27,
  title: "Automation Opportunity Audit",
  tagline: "Find the five automations worth building first, with a scoring sheet and interview prompt.",
  description: dedent`
    Before building any automation, I run this audit with the client: a structured interview (done by the AI with each team member, or by you with the prompt as a script), a task inventory spreadsheet, and a scoring model that ranks tasks by hours saved, error cost, and how rule-based they are.

    The output is a ranked list of automation candidates with a rough ROI, so you build the boring, valuable ones first instead of the shiny ones.
  `,
  teaser:
    "An AI-led interview script, a task inventory spreadsheet and a scoring model that ranks automation candidates by time saved, error cost and feasibility.",
  aiModels: ["ChatGPT", "Claude"],
  category: "Business",
  priceAmount: 2200,
  currency: "USD",
  body: dedent`
    INTERVIEW PROMPT (give each team member a chat with this, or use it as your script)
    You are an operations consultant interviewing [NAME], a [ROLE] at [COMPANY], to find repetitive work. Be friendly and curious. Ask one question at a time.
    1. Walk me through a typical week. Which tasks come back every week?
    2. For each recurring task: how often, how long each time, which tools, and what triggers it?
    3. Which steps are copy-paste between tools?
    4. Where do mistakes happen, and what does a mistake cost?
    5. Which tasks need judgement, and which follow fixed rules?
    6. If you had 5 extra hours a week, what would you do with them?
    At the end, output a table with one row per task: task, frequency per month, minutes each, tools, trigger, rule-based (1-5), error cost (1-5), notes.

    SCORING MODEL (see automation-audit.csv)
    hours_per_month = frequency × minutes / 60
    score = hours_per_month × 2 + error_cost × 3 + rule_based × 4 − complexity × 3
    complexity (1-5): number of tools involved, API availability, exceptions.
    Build the top 5 by score, but skip any task where rule_based < 3 unless a human stays in the loop.

    REPORT PROMPT
    From the merged task tables below, produce: the top 5 automation candidates with score, estimated hours saved per month, a one-paragraph approach (tool and steps), risks, and a suggested order of work. Tables: [PASTE]
  `,
  instructions:
    "Run the interview with every person who touches the process, paste their tables into the CSV, and let the formulas rank the tasks. Use the report prompt for the client-facing summary.",
  examples: [
    {
      input: "Team of 4 at a property management firm; 23 tasks collected.",
      output: dedent`
        Top candidate: "copy tenant repair requests from email into the maintenance spreadsheet" — 22 times/month × 8 min = 2.9 h/month, error cost 4 (missed urgent repairs), rule-based 5, complexity 2 → score 31.9.
        Approach: email parser + AI classification of urgency + row in the sheet + SMS to the on-call contractor for urgent ones.
      `,
    },
    {
      input: "A task with rule_based = 2: 'decide which tenant gets the parking spot'.",
      output:
        "Excluded from automation: requires judgement (rule-based 2). Suggest a simple form to collect requests instead, with a human decision.",
    },
  ],
  files: [
    {
      fileName: "automation-audit.csv",
      contentType: "text/csv",
      build: () => {
        const tasks: Array<[string, string, number, number, string, number, number, number]> = [
          ["Copy repair requests from email to sheet", "Ops", 22, 8, "Gmail, Sheets", 5, 4, 2],
          ["Send monthly rent reminders", "Finance", 1, 90, "Sheets, Gmail", 5, 3, 1],
          ["Reconcile bank payments with tenants", "Finance", 4, 60, "Bank, Xero", 4, 5, 3],
          ["Book contractor visits", "Ops", 15, 12, "Phone, Calendar", 3, 3, 3],
          ["Write weekly owner report", "Management", 4, 75, "Sheets, Docs", 3, 2, 2],
          ["Answer 'where is my deposit' emails", "Support", 10, 6, "Gmail", 4, 2, 1],
          ["Onboard new tenant documents", "Ops", 3, 45, "Drive, DocuSign", 4, 4, 3],
          ["Decide parking spot allocation", "Management", 1, 30, "Email", 2, 2, 1],
        ];
        const rows: Array<Array<string | number>> = [
          [
            "task",
            "owner",
            "frequency_per_month",
            "minutes_each",
            "tools",
            "rule_based_1_5",
            "error_cost_1_5",
            "complexity_1_5",
            "hours_per_month",
            "score",
          ],
        ];
        for (const [task, owner, frequency, minutes, tools, ruleBased, errorCost, complexity] of tasks) {
          const hours = (frequency * minutes) / 60;
          const score = hours * 2 + errorCost * 3 + ruleBased * 4 - complexity * 3;
          rows.push([
            task,
            owner,
            frequency,
            minutes,
            tools,
            ruleBased,
            errorCost,
            complexity,
            hours.toFixed(1),
            score.toFixed(1),
          ]);
        }
        return csv(rows);
      },
    },
  ],
};

const socraticTutorGpt: ListingSeed = {
  slug: "socratic-tutor-gpt",
  type: "AGENT",
  status: "PUBLISHED",
  publishedDaysAgo: 16,
  title: "Socratic Tutor (Custom GPT / Gem)",
  tagline: "A tutor that helps students think instead of handing them the answer.",
  description: dedent`
    Instructions for a tutor agent that you can set up as a custom GPT in ChatGPT or a Gem in Gemini. It diagnoses what the student already understands, asks guiding questions, gives hints in three levels, and only shows a worked solution after the student has made a real attempt.

    Teachers and parents use it for maths, science and essay feedback. It adapts to age and subject and keeps a short "what we learned" summary at the end of each session that students can paste into their notes.
  `,
  teaser:
    "Tutor instructions that diagnose first, guide with questions, give hints in three levels and only reveal worked solutions after a genuine attempt.",
  aiModels: ["ChatGPT", "Gemini"],
  category: "Education",
  priceAmount: 1200,
  currency: "USD",
  body: dedent`
    NAME: Socratic Tutor — [SUBJECT]

    INSTRUCTIONS
    You are a patient tutor for a [AGE OR GRADE] student learning [SUBJECT]. Your goal is that the student can solve similar problems alone, not that this problem gets solved.

    1. Diagnose: when the student shares a problem, first ask what they've tried and where they got stuck. If they haven't tried, ask them to explain the problem in their own words.
    2. Guide: ask one question at a time that moves them one step forward. Wait for the answer.
    3. Hints in three levels, only when asked or after two stuck answers:
       Level 1 — point to the relevant concept ("What do we know about the angles in a triangle?")
       Level 2 — show a similar, simpler example worked out.
       Level 3 — do the first step of their problem and let them continue.
    4. Only give the full worked solution if the student has made a real attempt AND asks for it, or after level 3 has failed. Then ask them to explain the solution back in their own words.
    5. Praise effort and specific reasoning ("Good idea to draw it"), not intelligence.
    6. If the student seems to be pasting homework to get answers, say kindly that you'll help them get there, and start with step 1.
    7. End each session with "What we learned": 3 bullets the student can copy into their notes.

    Language: match the student's language and reading level. Use short messages. For maths, write formulas in plain text (x^2 + 3x = 10) unless the interface renders LaTeX.
    Safety: no personal questions; if a student mentions distress or harm, respond kindly and encourage them to talk to a trusted adult or teacher.
  `,
  instructions:
    "ChatGPT: Explore GPTs → Create → paste into Instructions. Gemini: Gems → New Gem → paste into Instructions. Replace [SUBJECT] and [AGE OR GRADE]; make one tutor per subject for best results.",
  examples: [
    {
      input: "Student (grade 8): 'solve 3x + 7 = 22 pls'",
      output:
        "Tutor: Happy to help you crack it! What do you think the first step could be? Hint if you want one: what's stopping x from being on its own on the left side?",
    },
    {
      input: "Student: 'subtract 7?' Tutor guides → student gets x = 5. End of session.",
      output:
        "What we learned:\n- To get x alone, undo operations in reverse order (first + 7, then × 3).\n- Do the same thing to both sides.\n- Check by putting x = 5 back in: 3·5 + 7 = 22 ✓",
    },
    {
      input: "Student: 'just give me the answers to questions 1-10'",
      output:
        "Tutor: I'll help you get all ten. Let's start with question 1: read it to me and tell me which part is confusing. Once you've got the method, the rest go much faster.",
    },
  ],
};

const soloFounderStack: ListingSeed = {
  slug: "solo-founder-automation-stack",
  type: "BUNDLE",
  status: "PUBLISHED",
  publishedDaysAgo: 7,
  title: "Solo Founder Automation Stack (Bundle)",
  tagline: "Inbox, meetings, invoices and an audit to find what's next: four agents, one price.",
  description: dedent`
    The four automations I set up first for every solo founder or two-person team: the Inbox Triage Agent, Meeting Notes → Tasks, the Polite Invoice Chaser and the Automation Opportunity Audit to decide what to build after that.

    Together they typically save 5-8 hours a week. The bundle adds a setup order and a one-page "automation hygiene" checklist so nothing runs unattended without a log.
  `,
  teaser:
    "Four agents that cover email, meetings, cash collection and planning, plus a setup order and an automation hygiene checklist.",
  aiModels: ["ChatGPT", "Claude", "Gemini"],
  category: "Automation",
  priceAmount: 5900,
  currency: "USD",
  bundleOf: [
    "inbox-triage-agent-n8n",
    "meeting-notes-to-tasks-zapier",
    "invoice-chaser-agent",
    "automation-opportunity-audit",
  ],
  body: dedent`
    SETUP ORDER
    Week 1: Inbox Triage Agent in draft-only mode. Review the log daily.
    Week 2: Meeting Notes → Tasks with Slack summaries only; enable task creation at the end of the week.
    Week 3: Polite Invoice Chaser with auto-send off; approve every reminder.
    Week 4: Run the Automation Opportunity Audit on yourself. Pick the next automation from the top 5.

    AUTOMATION HYGIENE CHECKLIST
    - Every automation writes a log row (what it did, when, why).
    - Every automation that sends something externally has an approval step for the first two weeks.
    - Each has an owner (you) and an off switch you can find in 10 seconds.
    - API keys live in the platform's credential store, never in prompts or sheets.
    - Review the logs for 10 minutes every Friday; add misclassified examples to the prompts.
    - Once a quarter, delete automations nobody would miss.
  `,
  instructions:
    "All four listings appear in your library. Follow the setup order: one new automation per week, so you can tell which one caused a problem.",
  examples: [
    {
      input: "I only use Outlook and Microsoft To Do. Does the stack work?",
      output:
        "Yes: swap the Gmail nodes for Outlook in the n8n inbox workflow, and choose Microsoft To Do as the task step in the meetings Zap. The invoice chaser works with any invoicing tool via a webhook.",
    },
    {
      input: "What do I build after the stack?",
      output:
        "Whatever ranks first in your own Automation Opportunity Audit. For most solo founders it's lead enrichment or a support reply drafter, but let the hours-per-month numbers decide.",
    },
  ],
};

const voiceReceptionistDraft: ListingSeed = {
  slug: "voice-agent-receptionist",
  type: "AGENT",
  status: "DRAFT",
  title: "Voice Receptionist Agent",
  tagline: "Answers calls, books appointments and takes messages for small clinics.",
  description: dedent`
    Draft: a voice agent configuration for small clinics and salons.

    Testing latency and call transfer with two beta clients before release.
  `,
  teaser: "A phone receptionist agent that books appointments and takes messages.",
  aiModels: ["ChatGPT"],
  category: "Automation",
  priceAmount: 4900,
  currency: "USD",
  body: dedent`
    You are the receptionist for [BUSINESS NAME]. Greet callers, find out whether they want to book, reschedule, cancel or leave a message. For bookings, offer the next three free slots from the calendar tool. Never give medical advice; transfer to [PHONE] for urgent matters. Confirm every booking by repeating day, time and name.
  `,
  instructions: "Draft.",
  examples: [
    {
      input: "Caller wants a haircut on Saturday.",
      output: "Agent: I have 10:30, 11:15 and 14:00 free on Saturday. Which suits you?",
    },
    {
      input: "Caller describes chest pain.",
      output:
        "Agent: Please hang up and call emergency services now. I'm also flagging your call to the clinic.",
    },
  ],
};

export const flowsmith: ShopSeed = {
  owner: { email: "priya@flowsmith.example", name: "Priya Raman" },
  handle: "flowsmith",
  name: "Flowsmith Automations",
  bio: dedent`
    I build automation for small teams: n8n workflows, Zapier zaps, CrewAI crews and custom GPTs. Every agent here has run in production for at least one client before I listed it.

    Agents draft, humans decide: everything ships with logs, approval steps and an off switch.
  `,
  defaultCurrency: "USD",
  listings: [
    inboxTriageAgent,
    supportReplyGpt,
    crewaiMarketResearch,
    meetingNotesToTasks,
    leadEnrichmentAgent,
    prReviewAgent,
    sqlQueryExplainer,
    invoiceChaserAgent,
    sopWriter,
    automationAudit,
    socraticTutorGpt,
    soloFounderStack,
    voiceReceptionistDraft,
  ],
  plans: [
    {
      name: "Automation Lab",
      description:
        "Every Flowsmith automation agent and workflow, with the ones I publish later in the Automation category, plus the SQL Query Explainer. New builds land about once a month. Try it for two weeks before you pay.",
      prices: [
        { amount: 1200, currency: "USD", interval: "MONTH" },
        { amount: 12000, currency: "USD", interval: "YEAR" },
      ],
      trialDays: 14,
      includesAllListings: false,
      includedCategories: ["Automation"],
      listingSlugs: ["sql-query-explainer"],
    },
  ],
};
