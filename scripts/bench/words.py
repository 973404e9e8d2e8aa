"""Per-language vocabulary of the synthetic benchmark corpus.

The lists run in parallel across languages where a tip's versions must agree (categories, tags: the same
index is the same topic); everything else is just plausible words of each language, with its own letters.
The first 16 tags are the everyday vocabulary; the `many-tags` shape draws from all of them.
"""

CATEGORIES = {
    "en": ["Giving first", "Reviews", "Customer care", "Newsletters", "Word of mouth", "Local partnerships"],
    "fr": ["Donner d’abord", "Avis clients", "Relation client", "Lettres d’information", "Bouche-à-oreille",
           "Partenariats locaux"],
    "pl": ["Najpierw dawaj", "Opinie klientów", "Relacje z klientami", "Newslettery", "Poczta pantoflowa",
           "Lokalne partnerstwa"],
    "fi": ["Anna ensin", "Asiakasarviot", "Asiakassuhteet", "Uutiskirjeet", "Puskaradio",
           "Paikalliset kumppanuudet"],
}

TAGS = {
    "en": ["reciprocity", "trust", "loyalty", "reviews", "thank-you notes", "local shops", "hair salons",
           "bakeries", "garages", "email", "referrals", "surprises", "complaints", "free advice",
           "first impressions", "community",
           "opening hours", "gift cards", "samples", "training", "events", "social media", "photos",
           "birthdays", "seasons", "holidays", "cafés", "florists", "bookshops", "butchers", "pharmacies",
           "plumbers", "cleaning", "repairs", "pricing", "discounts", "loyalty cards", "follow-up",
           "phone calls", "text messages", "online booking", "waiting room", "window displays", "signage",
           "packaging", "deliveries", "neighbourhood", "schools", "charities", "sponsorship", "apprentices",
           "staff", "mentoring", "feedback", "apologies", "refunds", "guarantees", "tastings",
           "demonstrations", "checklists", "blog posts", "videos", "local search", "markets"],
    "fr": ["réciprocité", "confiance", "fidélisation", "avis", "mots de remerciement",
           "commerces de proximité", "salons de coiffure", "boulangeries", "garages", "e-mail",
           "recommandations", "surprises", "réclamations", "conseils gratuits", "première impression",
           "communauté",
           "horaires d’ouverture", "cartes cadeaux", "échantillons", "formations", "événements",
           "réseaux sociaux", "photos", "anniversaires", "saisons", "fêtes de fin d’année", "cafés",
           "fleuristes", "librairies", "boucheries", "pharmacies", "plombiers", "nettoyage", "réparations",
           "tarifs", "remises", "cartes de fidélité", "suivi", "appels", "SMS", "réservation en ligne",
           "salle d’attente", "vitrines", "signalétique", "emballage", "livraisons", "voisinage", "écoles",
           "associations", "parrainage", "apprentis", "personnel", "mentorat", "retours", "excuses",
           "remboursements", "garanties", "dégustations", "démonstrations", "listes de contrôle",
           "articles de blog", "vidéos", "recherche locale", "marchés"],
    "pl": ["wzajemność", "zaufanie", "lojalność", "opinie", "podziękowania", "sklepy osiedlowe",
           "salony fryzjerskie", "piekarnie", "warsztaty", "e-mail", "polecenia", "niespodzianki",
           "reklamacje", "darmowe porady", "pierwsze wrażenie", "społeczność",
           "godziny otwarcia", "karty podarunkowe", "próbki", "szkolenia", "wydarzenia",
           "media społecznościowe", "zdjęcia", "urodziny", "pory roku", "święta", "kawiarnie", "kwiaciarnie",
           "księgarnie", "sklepy mięsne", "apteki", "hydraulicy", "sprzątanie", "naprawy", "cennik", "rabaty",
           "karty lojalnościowe", "kontakt po zakupie", "telefony", "SMS-y", "rezerwacja online",
           "poczekalnia", "witryny", "szyldy", "opakowania", "dostawy", "sąsiedztwo", "szkoły",
           "organizacje charytatywne", "sponsoring", "praktykanci", "pracownicy", "mentoring",
           "informacja zwrotna", "przeprosiny", "zwroty", "gwarancje", "degustacje", "pokazy",
           "listy kontrolne", "wpisy na blogu", "filmy", "wyszukiwanie lokalne", "targi"],
    "fi": ["vastavuoroisuus", "luottamus", "kanta-asiakkuus", "arviot", "kiitoskortit", "lähikaupat",
           "kampaamot", "leipomot", "autokorjaamot", "sähköposti", "suosittelu", "yllätykset", "reklamaatiot",
           "ilmaiset neuvot", "ensivaikutelma", "yhteisö",
           "aukioloajat", "lahjakortit", "näytteet", "koulutukset", "tapahtumat", "sosiaalinen media",
           "valokuvat", "syntymäpäivät", "vuodenajat", "juhlapyhät", "kahvilat", "kukkakaupat", "kirjakaupat",
           "lihakaupat", "apteekit", "putkimiehet", "siivous", "korjaukset", "hinnoittelu", "alennukset",
           "kanta-asiakaskortit", "jälkiseuranta", "puhelut", "tekstiviestit", "verkkoajanvaraus",
           "odotustila", "näyteikkunat", "kyltit", "pakkaukset", "toimitukset", "naapurusto", "koulut",
           "hyväntekeväisyys", "sponsorointi", "oppisopimus", "henkilökunta", "mentorointi", "palaute",
           "anteeksipyynnöt", "hyvitykset", "takuut", "maistiaiset", "esittelyt", "tarkistuslistat",
           "blogikirjoitukset", "videot", "paikallishaku", "torit"],
}

HEADINGS = {
    "en": ["Why it works", "How to start", "What to avoid", "Do this this week", "A real example",
           "Keep it small", "Make it easy to give back", "Measure what matters", "Ask at the right moment",
           "Say thank you properly", "When things go wrong", "Tools you already have"],
    "fr": ["Pourquoi ça marche", "Par où commencer", "Ce qu’il faut éviter", "À faire cette semaine",
           "Un exemple concret", "Rester simple", "Faciliter le retour", "Mesurer l’essentiel",
           "Demander au bon moment", "Bien dire merci", "Quand ça se passe mal", "Les outils déjà à portée"],
    "pl": ["Dlaczego to działa", "Od czego zacząć", "Czego unikać", "Zrób to w tym tygodniu",
           "Przykład z życia", "Małymi krokami", "Ułatw klientom rewanż", "Mierz to, co ważne",
           "Zapytaj we właściwym momencie", "Podziękuj jak należy", "Gdy coś pójdzie nie tak",
           "Narzędzia, które już masz"],
    "fi": ["Miksi tämä toimii", "Mistä aloittaa", "Mitä välttää", "Tee tämä tällä viikolla",
           "Esimerkki käytännöstä", "Pidä se pienenä", "Tee vastapalveluksesta helppoa", "Mittaa olennaista",
           "Kysy oikealla hetkellä", "Kiitä kunnolla", "Kun jokin menee pieleen", "Työkalut, jotka jo on"],
}

WORDS = {
    "en": """
        customer customers shop salon bakery garage owner team small business local street neighbour
        friend gift free useful advice trust review reviews card note thanks thank-you handwritten
        message email newsletter offer coffee appointment booking visit week morning evening counter
        window sign chalkboard price quality service repair trim check tyre brake flowers bread cake
        habit moment simple honest kind warm quick easy clear fair generous patient careful friendly
        give share ask help listen answer explain remember return recommend write send print keep
        start finish plan choose offer invite welcome notice follow improve fix apologise surprise
        always often rarely today tomorrow later first next every each most many few little more
        because while when before after although so then also still just really only even
        people regulars newcomers students parents families neighbours colleagues suppliers partners
        the a an and or but of to in on for with without from by at about into your their our this that
        these those it they we you he she is are was were be have has had will can could should would
        """.split(),
    "fr": """
        client clients boutique salon boulangerie garage gérant équipe petite entreprise quartier rue
        voisin ami cadeau gratuit utile conseil confiance avis carte mot merci remerciement écrit main
        message courriel lettre offre café rendez-vous réservation visite semaine matin soir comptoir
        vitrine ardoise prix qualité service réparation coupe vérification pneu frein fleurs pain gâteau
        habitude moment simple honnête aimable chaleureux rapide facile clair juste généreux patient
        soigneux sympathique donner partager demander aider écouter répondre expliquer retenir revenir
        recommander écrire envoyer imprimer garder commencer terminer prévoir choisir proposer inviter
        accueillir remarquer suivre améliorer réparer excuser surprendre toujours souvent rarement
        aujourd’hui demain plus tard d’abord ensuite chaque plupart beaucoup peu davantage parce que
        pendant quand avant après bien que alors aussi encore juste vraiment seulement même habitués
        nouveaux étudiants parents familles voisins collègues fournisseurs partenaires le la les un une
        des et ou mais de du à au aux en sur pour avec sans par chez votre vos leur leurs notre nos ce
        cette ces il elle ils elles nous vous on est sont était être avoir a ont sera peut pourrait
        devrait fête épicerie fromager bijoutière pâtisserie crème naïf où là déjà très
        """.split(),
    "pl": """
        klient klienci sklep salon piekarnia warsztat właściciel zespół mała firma osiedle ulica sąsiad
        przyjaciel prezent darmowy przydatny porada zaufanie opinia opinie kartka liścik dziękuję
        podziękowanie odręczny wiadomość e-mail newsletter oferta kawa wizyta rezerwacja tydzień rano
        wieczór lada witryna tablica cena jakość usługa naprawa strzyżenie przegląd opona hamulec kwiaty
        chleb ciasto nawyk chwila prosty uczciwy życzliwy ciepły szybki łatwy jasny sprawiedliwy hojny
        cierpliwy staranny przyjazny dawać dzielić prosić pomagać słuchać odpowiadać wyjaśniać pamiętać
        wracać polecać pisać wysyłać drukować zachować zaczynać kończyć planować wybierać proponować
        zapraszać witać zauważać śledzić poprawiać naprawiać przepraszać zaskakiwać zawsze często rzadko
        dzisiaj jutro później najpierw potem każdy większość wiele mało więcej ponieważ podczas gdy zanim
        chociaż więc też jeszcze właśnie naprawdę tylko nawet stali nowi studenci rodzice rodziny sąsiedzi
        współpracownicy dostawcy partnerzy i lub ale z ze do w we na dla bez od przez przy o twój twoja
        wasz ich nasz ten ta to te on ona oni my wy jest są był była być mieć ma mają będzie może mógłby
        powinien źrebię żółty gęś łąka ćma mięta kiełbasa księgarnia fryzjerka kwiaciarnia
        """.split(),
    "fi": """
        asiakas asiakkaat kauppa kampaamo leipomo korjaamo yrittäjä tiimi pieni yritys kortteli katu
        naapuri ystävä lahja ilmainen hyödyllinen neuvo luottamus arvio arviot kortti viesti kiitos
        kiitoskortti käsin kirjoitettu sähköposti uutiskirje tarjous kahvi ajanvaraus varaus käynti
        viikko aamu ilta tiski ikkuna liitutaulu hinta laatu palvelu korjaus leikkaus tarkastus rengas
        jarru kukat leipä kakku tapa hetki yksinkertainen rehellinen ystävällinen lämmin nopea helppo
        selkeä reilu antelias kärsivällinen huolellinen antaa jakaa kysyä auttaa kuunnella vastata
        selittää muistaa palata suositella kirjoittaa lähettää tulostaa pitää aloittaa lopettaa
        suunnitella valita tarjota kutsua toivottaa huomata seurata parantaa korjata pahoitella yllättää
        aina usein harvoin tänään huomenna myöhemmin ensin sitten jokainen useimmat monet vähän enemmän
        koska kun ennen jälkeen vaikka joten myös vielä juuri todella vain jopa kanta-asiakkaat
        uudet opiskelijat vanhemmat perheet naapurit työkaverit toimittajat kumppanit ja tai mutta
        että jos kanssa ilman luona sinun heidän meidän tämä tuo nämä ne he me te on ovat oli olla
        voi voisi pitäisi täällä siellä hyvä paras pöytä kahvila kukkakauppa kirjakauppa hiusten
        """.split(),
}

LINK_WORDS = {
    "en": ["this tip", "our guide", "read more", "a related tip", "see how", "the checklist idea"],
    "fr": ["ce conseil", "notre guide", "à lire aussi", "un conseil voisin", "voyez comment",
           "l’idée de liste"],
    "pl": ["ta porada", "nasz poradnik", "czytaj dalej", "podobna porada", "zobacz, jak", "pomysł z listą"],
    "fi": ["tämä vinkki", "oppaamme", "lue lisää", "samankaltainen vinkki", "katso miten",
           "tarkistuslistan idea"],
}

EXTERNAL_SITES = [
    "https://www.example.com/small-business/",
    "https://www.example.org/local-marketing/",
    "https://example.net/guides/",
    "https://www.wikipedia.org/wiki/",
]
