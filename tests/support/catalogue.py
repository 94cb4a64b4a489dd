"""One vendor written with every construct of the catalogue (issue 8), for the unit and browser tests."""

PLAN = """
vendor acme {
  name "Acme"
  language en
  source "Acme support terms" url "https://acme.example/terms.pdf" published 2026-10-15 read 2026-11-01
  note editorial { sv "Vår läsning." it "La nostra lettura." pl "Nasza interpretacja." en "Our reading." }
  footnote * editorial { sv "Förklarat av oss." it "Spiegato da noi." pl "Wyjaśnione przez nas." en "Explained by us." }
  footnote ** { sv "Leverantörens fotnot." it "Nota del fornitore." pl "Przypis dostawcy." en "The vendor's footnote." }
  segment business { sv "Företag" it "Aziende" pl "Firmy" en "Businesses" }
  segment schools { sv "Skolor" it "Scuole" pl "Szkoły" en "Schools" }
  calendar office { zone Europe/Stockholm open mon-fri 08:00-17:00 }
  feature backup { label "Backup" }
  feature training { label { sv "Utbildning" it "Formazione" pl "Szkolenia" en "Training" } }
  feature onsite { label { sv "På plats" it "In sede" pl "Na miejscu" en "On site" } }
  feature api { label "API" }
  feature reviews { label { sv "Genomgångar" it "Revisioni" pl "Przeglądy" en "Reviews" } }
  plan community {
    name "Community"
    no support
    price business free
    features { backup: not stated  api: not applicable }
  }
  plan team * {
    name "Team"
    price business from 10 EUR per user per month excl tax
    price business 100 SEK per user per month excl tax
    price schools 50 SEK per device per year
    features {
      backup: add-on 5 EUR per device per month
      training: add-on on request
      onsite: add-on
      reviews: 4 per year **
    }
    target first-response all 8h on office
  }
  plan team-plus extends team {
    name "Team Plus"
    price business contact sales
  }
  plan enterprise extends team {
    name "Enterprise"
    recommended
    applies to trial { sv "Testkunder" it "Clienti in prova" pl "Klienci w okresie próbnym" en "Trial customers" }
    note editorial {
      sv "Vi läser 'snabbt' som 2 timmar." it "Leggiamo 'presto' come 2 ore."
      pl "Czytamy 'szybko' jako 2 godziny." en "We read 'fast' as 2 hours."
    }
    price schools 500 EUR per year incl tax
    target first-response all 2h on office
  }
}
"""
