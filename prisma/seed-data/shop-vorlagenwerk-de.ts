import { dedent } from "./text.ts";
import type { ListingSeed, ShopSeed } from "./types.ts";

/**
 * A Hamburg copywriter selling prompts and templates written in German, in EUR: the listings a
 * German buyer searching "Vorlage" should find first (search stems them in German).
 */

const newsletterVorlageCoaches: ListingSeed = {
  slug: "newsletter-vorlage-coaches",
  type: "TEMPLATE",
  status: "PUBLISHED",
  publishedDaysAgo: 12,
  language: "de",
  title: "Newsletter-Vorlage für Coaches",
  tagline:
    "Ein wöchentlicher Newsletter in 30 Minuten: Aufbau, Betreffzeilen und ein Prompt, der Ihre Notizen in Text verwandelt.",
  description: dedent`
    Für Coaches, Beraterinnen und Trainer, die jede Woche einen Newsletter verschicken wollen, aber nie wissen, womit sie anfangen sollen. Die Vorlage gibt jeder Ausgabe denselben Aufbau: eine kurze Geschichte aus der Praxis, eine Erkenntnis, eine Übung für die Leserinnen und ein klarer nächster Schritt.

    Dazu gehört ein Prompt für ChatGPT oder Claude, der aus Ihren Stichpunkten einen Entwurf in Ihrem Ton schreibt, und 20 erprobte Betreffzeilen-Muster mit Beispielen.

    Funktioniert mit Mailchimp, Brevo, ConvertKit und jedem anderen Newsletter-Tool.
  `,
  teaser:
    "Vier feste Abschnitte pro Ausgabe, ein Entwurfs-Prompt mit Platzhaltern für Ihre Stichpunkte und eine Liste von Betreffzeilen-Mustern.",
  aiModels: ["ChatGPT", "Claude"],
  category: "Marketing",
  priceAmount: 1400,
  currency: "EUR",
  tags: ["newsletter", "vorlage", "coaching", "e-mail-marketing", "betreffzeilen"],
  body: dedent`
    AUFBAU JEDER AUSGABE
    1. Geschichte (80-120 Wörter): eine Situation aus einer Sitzung dieser Woche, anonymisiert.
    2. Erkenntnis (1-2 Sätze): was Sie daraus gelernt haben.
    3. Übung: eine Frage oder Aufgabe, die Leser in 5 Minuten erledigen.
    4. Nächster Schritt: ein Link, ein Termin, eine Antwort-Bitte. Nur einer.

    ENTWURFS-PROMPT
    Du bist mein Redaktionsassistent. Schreibe aus diesen Stichpunkten einen Newsletter nach dem Aufbau oben.
    Ton: [DU ODER SIE], warm, direkt, keine Floskeln. Länge: höchstens 350 Wörter.
    Stichpunkte: [STICHPUNKTE]
    Zielgruppe: [ZIELGRUPPE]
    Nächster Schritt: [ANGEBOT ODER TERMIN]
    Schlage danach fünf Betreffzeilen nach den Mustern "Frage", "Zahl", "Zitat", "Widerspruch" und "Neugier" vor.

    BETREFFZEILEN-MUSTER
    Frage: "Was wäre, wenn Sie montags nichts planen?"
    Zahl: "3 Sätze, die jedes Erstgespräch retten"
    Zitat: "'Ich habe keine Zeit' – und was dahintersteckt"
  `,
  instructions: dedent`
    Schreiben Sie Ihre Stichpunkte direkt nach der Sitzung auf, nicht erst am Tag des Versands. Geben Sie dem Prompt beim ersten Mal zwei alte Newsletter als Stilbeispiel mit.
  `,
  examples: [
    {
      input:
        "Stichpunkte: Klientin will kündigen, merkt im Gespräch, dass sie nur das Team wechseln will. Zielgruppe: Führungskräfte.",
      output:
        'Betreff: "Kündigen oder wechseln?" – Entwurf mit Geschichte (96 Wörter), Erkenntnis in einem Satz, Übung "Schreiben Sie drei Dinge auf, die Sie behalten wollen" und Einladung zum Erstgespräch.',
    },
    {
      input:
        "Stichpunkte: Zeitmanagement-Workshop, alle planen zu viel. Zielgruppe: Selbstständige. Ton: du.",
      output:
        'Betreff: "3 Aufgaben reichen" – Newsletter mit der Geschichte aus dem Workshop, der Übung "Streich die Hälfte deiner Liste" und einem Link zum nächsten Termin.',
    },
  ],
};

const kundenserviceVorlagen: ListingSeed = {
  slug: "e-mail-vorlagen-kundenservice",
  type: "TEMPLATE",
  status: "PUBLISHED",
  publishedDaysAgo: 20,
  language: "de",
  title: "E-Mail-Vorlagen für den Kundenservice",
  tagline:
    "32 Antwortvorlagen für Reklamationen, Lieferverzug, Rückerstattungen und verärgerte Kunden, mit Prompt zum Anpassen.",
  description: dedent`
    Freundlich, klar und rechtlich vorsichtig: E-Mail-Vorlagen für kleine Onlineshops und Agenturen, die ohne eigenes Support-Team auskommen. Jede Vorlage hat eine Du- und eine Sie-Fassung und Platzhalter für Bestellnummer, Frist und Angebot.

    Mit dem beiliegenden Prompt passt ChatGPT oder Claude jede Vorlage an die konkrete Kundenmail an, ohne den Ton zu verlieren.
  `,
  teaser: "Vorlagen in vier Gruppen: Lieferung, Rückgabe, Beschwerde, Kulanz; jede in Du- und Sie-Fassung.",
  aiModels: ["ChatGPT", "Claude"],
  category: "Business",
  priceAmount: 1900,
  currency: "EUR",
  tags: ["e-mail", "vorlage", "kundenservice", "support", "reklamation"],
  body: dedent`
    LIEFERVERZUG (SIE)
    Guten Tag [NAME], vielen Dank für Ihre Geduld. Ihre Bestellung [NUMMER] verlässt unser Lager voraussichtlich am [DATUM]. Als kleines Dankeschön erhalten Sie [ANGEBOT]. Falls Sie lieber stornieren möchten, genügt eine kurze Antwort auf diese E-Mail.

    REKLAMATION (DU)
    Hallo [NAME], das tut uns leid – so soll [PRODUKT] nicht bei dir ankommen. Schick uns bitte ein Foto, dann schicken wir dir innerhalb von [FRIST] Ersatz oder erstatten den Betrag, ganz wie du magst.

    ANPASSUNGS-PROMPT
    Hier ist eine Kundenmail: [KUNDENMAIL]. Wähle die passende Vorlage aus der Liste, fülle die Platzhalter und passe höchstens zwei Sätze an die Situation an. Versprich nichts, was nicht in der Vorlage steht.
  `,
  instructions:
    "Speichern Sie die Vorlagen als Textbausteine in Ihrem Mailprogramm; den Prompt nutzen Sie nur für ungewöhnliche Fälle.",
  examples: [
    {
      input: 'Kundenmail: "Seit zwei Wochen warte ich auf meine Bestellung 4711. Unmöglich!"',
      output:
        "Vorlage Lieferverzug (Sie), Datum und Gutschein ergänzt, ein Satz Entschuldigung für die fehlende Benachrichtigung.",
    },
    {
      input: 'Kundenmail: "Die Tasse war kaputt, als sie ankam."',
      output: "Vorlage Reklamation (Du) mit Bitte um ein Foto und Ersatz innerhalb von drei Werktagen.",
    },
  ],
};

const stellenanzeigenPrompt: ListingSeed = {
  slug: "stellenanzeigen-texter",
  type: "PROMPT",
  status: "PUBLISHED",
  publishedDaysAgo: 6,
  language: "de",
  title: "Stellenanzeigen, die Bewerbungen bringen",
  tagline: "Ein Prompt, der aus einer Aufgabenliste eine ehrliche, gendergerechte Stellenanzeige schreibt.",
  description: dedent`
    Für Gründerinnen und kleine Teams ohne Personalabteilung. Der Prompt fragt zuerst nach dem, was die Stelle wirklich ausmacht (Aufgaben, Team, Gehaltsspanne, Arbeitszeit) und schreibt dann eine Anzeige ohne Floskeln wie "dynamisches Umfeld".

    Ergebnis: Einleitung, Aufgaben, Anforderungen (getrennt nach Muss und Kann), Angebot und ein einfacher Bewerbungsweg.
  `,
  teaser: "Erst fünf Rückfragen, dann eine Anzeige in fünf Abschnitten; ohne Floskelliste.",
  aiModels: ["ChatGPT", "Claude", "Gemini"],
  category: "Business",
  priceAmount: 900,
  currency: "EUR",
  tags: ["stellenanzeige", "recruiting", "personal", "bewerbung"],
  body: dedent`
    Du bist eine erfahrene Recruiterin für kleine Unternehmen. Stelle mir zuerst genau fünf Fragen: Aufgaben im ersten Jahr, Team, Gehaltsspanne, Arbeitsort und -zeit, Bewerbungsweg.
    Schreibe danach eine Stellenanzeige mit den Abschnitten: Einleitung (3 Sätze), Aufgaben, Muss-Anforderungen (höchstens 4), Kann-Anforderungen, Was wir bieten, So bewirbst du dich.
    Verboten: "dynamisch", "Rockstar", "Wir sind eine Familie", "flache Hierarchien" ohne Beleg.
    Formuliere gendergerecht mit Doppelpunkt oder neutral.
  `,
  instructions:
    "Beantworten Sie die fünf Fragen so konkret wie möglich; die Gehaltsspanne erhöht die Zahl der Bewerbungen deutlich.",
  examples: [
    {
      input: "Werkstudent:in Marketing, 20 Std., Hamburg, 15 €/Std.",
      output:
        "Anzeige mit drei konkreten Aufgaben (Newsletter, Social Media, Auswertung), zwei Muss-Anforderungen und Bewerbung per kurzer E-Mail ohne Anschreiben.",
    },
    {
      input: "Senior Backend-Entwickler:in, remote, 75-90k.",
      output:
        "Anzeige mit Tech-Stack, Gehaltsspanne im ersten Absatz und einem Probearbeitstag statt Coding-Test.",
    },
  ],
};

const angebotVorlage: ListingSeed = {
  slug: "angebotsvorlage-freelancer",
  type: "TEMPLATE",
  status: "PUBLISHED",
  publishedDaysAgo: 33,
  language: "de",
  title: "Angebotsvorlage für Freelancer",
  tagline: "Eine Vorlage für Angebote, die Kundinnen verstehen: Leistung, Ablauf, Preis in drei Paketen.",
  description: dedent`
    Eine Angebotsvorlage für Google Docs und Notion, mit Textbausteinen für Texterinnen, Designer und Entwicklerinnen. Drei Pakete nebeneinander machen die Entscheidung leicht; der Ablauf mit Terminen zeigt, dass Sie das Projekt im Griff haben.

    Dazu ein Prompt, der aus dem Briefing der Kundin die Leistungsbeschreibung formuliert.
  `,
  teaser: "Seitenaufbau mit drei Paketen, Ablaufplan und Bedingungen; Prompt für die Leistungsbeschreibung.",
  aiModels: ["ChatGPT", "Claude"],
  category: "Business",
  priceAmount: 1200,
  currency: "EUR",
  tags: ["angebot", "vorlage", "freelancer", "notion", "google-docs"],
  body: dedent`
    SEITE 1: Ausgangslage (in den Worten der Kundin), Ziel, Ergebnis.
    SEITE 2: Pakete Basis / Empfohlen / Komplett, je mit Leistung, Dauer, Preis netto.
    SEITE 3: Ablauf mit Meilensteinen, Bedingungen (Zahlung 50/50, zwei Korrekturschleifen), Annahme per Antwort.

    PROMPT
    Hier ist das Briefing: [BRIEFING]. Formuliere die Ausgangslage in höchstens vier Sätzen so, wie die Kundin sie selbst beschreiben würde, und leite daraus drei Pakete ab.
  `,
  instructions:
    "Kopieren Sie die Vorlage in Ihr Google Drive oder duplizieren Sie die Notion-Seite; ersetzen Sie die Beispielpreise durch Ihre eigenen.",
  examples: [
    {
      input: "Briefing: Website-Texte für eine Physiotherapie-Praxis, 5 Seiten.",
      output:
        "Pakete: Basis (Texte) 1.200 €, Empfohlen (Texte + SEO) 1.650 €, Komplett (inkl. Blog-Start) 2.400 €.",
    },
    {
      input: "Briefing: Logo und Geschäftsausstattung für eine Bäckerei.",
      output:
        "Ausgangslage in vier Sätzen, drei Pakete vom Logo bis zur Ladenbeschilderung, Ablauf über sechs Wochen.",
    },
  ],
};

const instagramRedaktionsplan: ListingSeed = {
  slug: "instagram-redaktionsplan-vorlage",
  type: "TEMPLATE",
  status: "PUBLISHED",
  publishedDaysAgo: 45,
  language: "de",
  title: "Instagram-Redaktionsplan: Vorlage und Ideen-Prompt",
  tagline: "Ein Monat Instagram in einer Tabelle, mit einem Prompt für Themen, Hooks und Bildideen.",
  description: dedent`
    Ein Redaktionsplan als Google-Sheets- und Notion-Vorlage: Spalten für Format (Reel, Karussell, Story), Thema, Hook, Bildidee und Status. Der Ideen-Prompt füllt einen Monat mit Beiträgen, die zu Ihren Angeboten passen.

    Für Selbstständige, Läden und kleine Marken, die regelmäßig posten wollen, ohne jeden Tag neu zu überlegen.
  `,
  teaser: "Tabelle mit Format, Thema, Hook, Bildidee und Status; Prompt für 12 Beiträge pro Monat.",
  aiModels: ["ChatGPT", "Gemini"],
  category: "Marketing",
  priceAmount: 1100,
  currency: "EUR",
  tags: ["instagram", "redaktionsplan", "social-media", "vorlage", "content"],
  body: dedent`
    PROMPT
    Plane 12 Instagram-Beiträge für [MONAT] für [UNTERNEHMEN], das [ANGEBOT] verkauft.
    Mische 4 Reels, 5 Karussells und 3 Story-Serien. Für jeden Beitrag: Thema, Hook (höchstens 8 Wörter), Bildidee, Handlungsaufforderung.
    Berücksichtige diese Termine: [TERMINE]. Wiederhole kein Thema aus dieser Liste: [LETZTE THEMEN].
  `,
  instructions:
    "Füllen Sie zuerst die Termine des Monats ein (Aktionen, Feiertage), dann den Prompt; übertragen Sie die Ergebnisse in die Tabelle.",
  examples: [
    {
      input: "Monat: Mai, Unternehmen: Blumenladen in Köln, Angebot: Sträuße und Workshops.",
      output:
        '12 Beiträge, darunter ein Reel "3 Tricks für längere Haltbarkeit" und ein Karussell zum Muttertag.',
    },
    {
      input: "Monat: September, Unternehmen: Yoga-Studio, Angebot: Kurse und Retreats.",
      output: 'Plan mit Story-Serie zum Herbst-Retreat und Karussell "5 Übungen für den Schreibtisch".',
    },
  ],
};

const meetingProtokollAgent: ListingSeed = {
  slug: "meeting-protokoll-agent",
  type: "AGENT",
  status: "PUBLISHED",
  publishedDaysAgo: 3,
  language: "de",
  title: "Meeting-Protokoll-Agent",
  tagline:
    "Aus der Aufnahme oder den Notizen eines Meetings wird ein Protokoll mit Aufgaben, Verantwortlichen und Fristen.",
  description: dedent`
    Ein Agent für ChatGPT (als Custom GPT) oder Claude (als Projekt), der Besprechungsnotizen oder Transkripte auf Deutsch zu einem sauberen Protokoll verarbeitet: Entscheidungen, offene Fragen, Aufgaben mit Verantwortlichen und Fristen.

    Auf Wunsch schreibt er die Aufgaben als Liste für Asana, Trello oder Notion und eine kurze Zusammenfassungs-E-Mail an alle Teilnehmenden.
  `,
  teaser:
    "Anweisungen für einen Custom GPT oder ein Claude-Projekt, dazu ein Protokollformat mit vier Abschnitten.",
  aiModels: ["ChatGPT", "Claude"],
  category: "Productivity",
  priceAmount: 1500,
  currency: "EUR",
  tags: ["protokoll", "meeting", "besprechung", "aufgaben", "agent"],
  body: dedent`
    ANWEISUNGEN
    Du erstellst Protokolle aus Besprechungsnotizen oder Transkripten. Gib immer diese Abschnitte aus:
    1. Entscheidungen (mit Begründung in einem Halbsatz)
    2. Aufgaben: Was – Wer – Bis wann (fehlt eine Angabe, schreibe "offen" und frage nach)
    3. Offene Fragen
    4. Nächster Termin
    Erfinde keine Namen und keine Fristen. Wenn der Nutzer "E-Mail" schreibt, formuliere eine Zusammenfassung für alle Teilnehmenden in höchstens 120 Wörtern.
  `,
  instructions:
    "Legen Sie einen Custom GPT an und fügen Sie die Anweisungen ein, oder erstellen Sie ein Claude-Projekt mit den Anweisungen als Projektwissen.",
  examples: [
    {
      input: "Transkript eines 30-minütigen Team-Meetings zur Website-Überarbeitung.",
      output:
        'Drei Entscheidungen, sieben Aufgaben (zwei mit Frist "offen" und Rückfrage), zwei offene Fragen, nächster Termin Donnerstag.',
    },
    {
      input: 'Notizen: "Budget ok, Lisa macht Entwurf bis Freitag, Design später klären" + E-Mail',
      output:
        "Protokoll mit einer Entscheidung und einer Aufgabe für Lisa, dazu eine E-Mail mit 64 Wörtern an alle.",
    },
  ],
};

const bewerbungsPrompt: ListingSeed = {
  slug: "anschreiben-coach-prompt",
  type: "PROMPT",
  status: "PUBLISHED",
  publishedDaysAgo: 58,
  language: "de",
  title: "Anschreiben-Coach: Bewerbung ohne Floskeln",
  tagline:
    "Ein Prompt, der Ihr Anschreiben prüft, Floskeln streicht und konkrete Belege aus Ihrem Lebenslauf vorschlägt.",
  description: dedent`
    Für Bewerberinnen und Bewerber, die ihr Anschreiben nicht von einer KI schreiben lassen wollen, sondern verbessern: Der Prompt markiert Floskeln, fragt nach Belegen und schlägt für jeden Absatz eine stärkere Fassung vor.

    Funktioniert mit ChatGPT, Claude und Gemini; auf Deutsch und Englisch.
  `,
  teaser: "Drei Durchgänge: Floskeln finden, Belege erfragen, Absätze neu fassen.",
  aiModels: ["ChatGPT", "Claude", "Gemini"],
  category: "Education",
  priceAmount: 700,
  currency: "EUR",
  tags: ["bewerbung", "anschreiben", "karriere", "lebenslauf"],
  body: dedent`
    Du bist ein strenger, freundlicher Bewerbungscoach. Arbeite in drei Durchgängen:
    1. Markiere jede Floskel ("teamfähig", "hohe Motivation", "hiermit bewerbe ich mich") und erkläre in einem Satz, warum sie nichts sagt.
    2. Stelle zu jedem Absatz eine Frage nach einem konkreten Beleg aus dem Lebenslauf: [LEBENSLAUF].
    3. Schreibe jeden Absatz neu, mit dem Beleg, in höchstens 80 Wörtern. Behalte meinen Ton.
    Stellenanzeige: [ANZEIGE]. Anschreiben: [ANSCHREIBEN].
  `,
  instructions:
    "Fügen Sie Anzeige, Lebenslauf und Anschreiben ein und beantworten Sie die Fragen aus Durchgang 2, bevor Sie Durchgang 3 anfordern.",
  examples: [
    {
      input:
        'Anschreiben für eine Stelle als Projektmanagerin, erster Absatz: "Hiermit bewerbe ich mich mit großer Motivation…"',
      output:
        'Floskeln markiert, Rückfrage nach dem größten geleiteten Projekt, neuer erster Absatz mit "Relaunch für 40 Filialen in 6 Monaten".',
    },
    {
      input: "Anschreiben für ein Praktikum im Marketing.",
      output: "Vier Floskeln gestrichen, zwei Belege aus dem Studium erfragt, drei kürzere Absätze.",
    },
  ],
};

export const vorlagenwerk: ShopSeed = {
  owner: { email: "jana@vorlagenwerk.example", name: "Jana Petersen" },
  handle: "vorlagenwerk",
  name: "Vorlagenwerk",
  bio: dedent`
    Texterin aus Hamburg. Ich schreibe Vorlagen und Prompts auf Deutsch für Selbstständige, kleine Teams und Onlineshops: Newsletter, Kundenservice, Angebote, Stellenanzeigen.

    Alle Preise in Euro, alle Texte in Du- und Sie-Fassung, wo es passt.
  `,
  defaultCurrency: "EUR",
  listings: [
    newsletterVorlageCoaches,
    kundenserviceVorlagen,
    stellenanzeigenPrompt,
    angebotVorlage,
    instagramRedaktionsplan,
    meetingProtokollAgent,
    bewerbungsPrompt,
  ],
  plans: [
    {
      name: "Vorlagen-Abo",
      description:
        "Alle Vorlagen und Prompts von Vorlagenwerk, auch die neuen: jeden Monat kommt mindestens eine Vorlage für Selbstständige und kleine Teams dazu.",
      prices: [
        { amount: 900, currency: "EUR", interval: "MONTH" },
        { amount: 9000, currency: "EUR", interval: "YEAR" },
      ],
      includesAllListings: true,
    },
  ],
};
