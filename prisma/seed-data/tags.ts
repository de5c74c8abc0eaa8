import type { ListingSeed } from "./types.ts";

/** Search keywords for the English demo listings (lower case; words buyers type that titles lack). */
const TAGS: Record<string, string[]> = {
  "inbox-triage-agent-n8n": ["email", "inbox", "n8n", "triage", "automation"],
  "support-reply-drafter-gpt": ["customer support", "email", "replies", "helpdesk"],
  "crewai-market-research-crew": ["market research", "crewai", "competitors", "agents"],
  "meeting-notes-to-tasks-zapier": ["meeting notes", "tasks", "zapier", "to-do"],
  "lead-enrichment-scoring-agent": ["leads", "crm", "sales", "scoring"],
  "pull-request-review-agent": ["code review", "github", "pull request", "ci"],
  "sql-query-explainer": ["sql", "database", "performance", "postgres"],
  "invoice-chaser-agent": ["invoices", "email", "payments", "reminders"],
  "sop-writer": ["sop", "documentation", "process", "onboarding"],
  "automation-opportunity-audit": ["audit", "automation", "consulting", "workflow"],
  "socratic-tutor-gpt": ["tutor", "teaching", "students", "learning"],
  "solo-founder-automation-stack": ["bundle", "founder", "automation", "startup"],
  "voice-agent-receptionist": ["voice", "phone", "receptionist", "bookings"],
  "landing-page-copy-architect": ["landing page", "copywriting", "conversion", "website"],
  "cold-email-sequence-builder": ["cold email", "email", "outreach", "sales"],
  "brand-voice-extractor": ["brand voice", "tone", "style guide", "branding"],
  "linkedin-post-ghostwriter": ["linkedin", "social media", "ghostwriting", "posts"],
  "product-description-rewriter": ["e-commerce", "product descriptions", "shopify", "seo"],
  "newsletter-issue-outliner": ["newsletter", "email", "outline", "writing"],
  "customer-interview-synthesizer": ["customer interviews", "research", "insights", "product"],
  "seo-content-brief-generator": ["seo", "content brief", "blog", "keywords"],
  "headline-stress-test": ["headlines", "copywriting", "a/b testing", "titles"],
  "readme-that-developers-read": ["readme", "documentation", "open source", "github"],
  "course-module-outliner": ["online course", "curriculum", "teaching", "lessons"],
  "90-day-content-calendar-template": ["content calendar", "template", "social media", "planning"],
  "launch-copy-kit-bundle": ["bundle", "launch", "copywriting", "email"],
  "sales-page-faq-generator": ["faq", "sales page", "objections", "copywriting"],
  "nordic-light-product-photography": ["product photography", "midjourney", "e-commerce", "lifestyle"],
  "isometric-3d-icon-set": ["icons", "isometric", "3d", "app design"],
  "editorial-portrait-lighting-pack": ["portraits", "lighting", "photography", "editorial"],
  "brand-moodboard-prompt-system": ["moodboard", "branding", "logo", "visual identity"],
  "risograph-poster-styles": ["posters", "risograph", "print", "illustration"],
  "consistent-characters-childrens-books": ["characters", "children's books", "illustration", "storybook"],
  "notion-studio-os": ["notion", "template", "studio", "project management"],
  "client-project-tracker-notion": ["notion", "client portal", "template", "feedback"],
  "ux-audit-checklist-figma": ["ux", "figma", "checklist", "usability"],
  "design-tokens-starter": ["design tokens", "design system", "css", "figma"],
  "midjourney-style-vault-bundle": ["bundle", "midjourney", "styles", "sref"],
  "packaging-mockup-prompts": ["packaging", "mockups", "logo", "product design"],
};

export function listingTags(listing: ListingSeed): string[] {
  return listing.tags ?? TAGS[listing.slug] ?? [];
}
