/* cb-scan.c — tokens, quotation regions and word lists shared by the
 * person, quote and event extractors
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cb-scan-private.h"

/* ---------------------------------------------------------------- word lists
 *
 * General English vocabulary only: titles, institutional head words, function
 * words, speech verbs and common given names.  Nothing here names a person,
 * place or phrase of a particular article. */

static const char *title_words[] = {
  "president", "judge", "justice", "senator", "sen", "representative", "rep",
  "congressman", "congresswoman", "congressmember", "governor", "gov", "mayor",
  "mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor", "rev",
  "reverend", "father", "fr", "sister", "pastor", "rabbi", "imam", "bishop",
  "cardinal", "pope", "sir", "dame", "lord", "lady", "king", "queen", "prince",
  "princess", "duke", "duchess", "sheriff", "officer", "detective", "det",
  "sergeant", "sgt", "lt", "lieutenant", "capt", "captain", "col", "colonel",
  "gen", "general", "adm", "admiral", "chancellor", "minister", "premier",
  "secretary", "ambassador", "commissioner", "attorney", "prosecutor", "warden",
  "agent", "coach", "speaker", "chairman", "chairwoman", "superintendent",
  "councilman", "councilwoman", "councillor", "councilor", "assemblyman",
  "assemblywoman", "solicitor", "magistrate", "trooper", "inspector", "constable",
  "senora", "señora", "senor", "señor", "madam", "madame", "mme", "mlle", "herr",
  "frau", "monsieur", "emperor", "empress", "sultan", "sheikh", "ayatollah",
  "chef", "uncle", "aunt", "saint", "cmdr", "commander", "marshal",
  NULL
};

static const char *title_mod_words[] = {
  "former", "late", "acting", "deputy", "assistant", "associate", "chief", "senior",
  "district", "circuit", "county", "state", "federal", "supreme", "court",
  "appeals", "superior", "us", "u", "s", "first", "vice", "lieutenant", "special",
  "magistrate", "bankruptcy", "immigration", "executive", "prime", "general",
  "house", "senate", "presiding", "retired", "then", "incoming", "outgoing",
  "public", "defense", "defence", "press", "army", "navy", "police", "head",
  "white", "minority", "majority", "foreign", "home", "interior", "labor",
  "labour", "treasury", "health", "justice", "education", "energy", "homeland",
  "security", "national", "high", "sr", "jr",
  NULL
};

static const char *title_male_words[] = {
  "mr", "sir", "king", "prince", "lord", "duke", "father", "fr", "congressman",
  "councilman", "assemblyman", "chairman", "senor", "señor", "herr", "monsieur",
  "emperor", "sultan", "sheikh", "uncle", "brother",
  NULL
};

static const char *title_female_words[] = {
  "mrs", "ms", "miss", "madam", "madame", "mme", "mlle", "dame", "lady", "queen",
  "princess", "duchess", "sister", "congresswoman", "councilwoman",
  "assemblywoman", "chairwoman", "senora", "señora", "frau", "empress", "aunt",
  NULL
};

static const char *institution_words[] = {
  "house", "court", "courts", "office", "offices", "department", "dept",
  "university", "college", "school", "academy", "prison", "penitentiary", "jail",
  "county", "city", "state", "states", "street", "avenue", "ave", "road",
  "boulevard", "square", "party", "times", "news", "post", "show", "journal",
  "press", "herald", "tribune", "gazette", "magazine", "review", "daily",
  "weekly", "network", "channel", "radio", "tv", "television", "agency",
  "bureau", "committee", "council", "senate", "congress", "assembly",
  "parliament", "administration", "commission", "center", "centre",
  "foundation", "institute", "association", "society", "union", "league",
  "church", "cathedral", "temple", "mosque", "hospital", "clinic", "company",
  "corporation", "group", "bank", "fund", "trust", "airport", "station", "park",
  "hall", "tower", "wing", "building", "museum", "library", "gallery", "theatre",
  "theater", "stadium", "arena", "hotel", "club", "team", "project",
  "initiative", "program", "programme", "campaign", "coalition", "alliance",
  "movement", "service", "services", "force", "army", "navy", "police", "guard",
  "board", "authority", "ministry", "embassy", "consulate", "republic",
  "kingdom", "empire", "federation", "nations", "island", "islands", "river",
  "valley", "beach", "bay", "district", "region", "province", "circuit",
  "appeals", "act", "law", "bill", "amendment", "constitution", "report",
  "awards", "prize", "festival", "records", "studios", "pictures",
  "entertainment", "media", "films", "inc", "corp", "ltd", "llc", "plc",
  "facility", "detention", "correctional", "corrections", "institution", "camp",
  "base", "fellowship", "office", "cabinet", "council", "tribunal", "jury",
  "prosecutors", "democrats", "republicans", "party", "affairs", "justice",
  "security", "reform", "rights", "liberties", "matter", "lives", "day",
  "week", "month", "year", "century", "war", "revolution", "county",
  "mountains", "ocean", "sea", "coast", "harbor", "harbour", "bridge",
  "village", "town", "township", "parish", "borough", "capitol", "palace",
  "castle", "castle", "castle", "mall", "market", "store", "stores", "restaurant",
  "cafe", "bar", "pub", "farm", "ranch", "estate", "lane", "drive", "way",
  "highway", "motorway", "terrace", "place", "heights", "hills", "springs",
  "falls", "gardens", "institute", "laboratory", "laboratories", "lab",
  "labs", "systems", "technologies", "airlines", "airways", "motors",
  "industries", "holdings", "partners", "associates", "bros", "brothers",
  "sisters", "family", "families", "foundation", "charity", "network",
  "online", "app", "website", "blog", "podcast", "series", "movie", "film",
  "album", "song", "book", "novel", "code", "guidelines", "act", "order",
  "pardon", "clemency", "era", "age", "games", "olympics", "cup",
  "championship", "league", "tour", "association", "federation",
  NULL
};

static const char *stop_words[] = {
  "i", "i'm", "i've", "i'd", "i'll", "i’m", "i’ve", "i’d", "i’ll", "he", "she",
  "it", "we", "they", "you", "his", "her", "its", "our", "their", "my", "your",
  "him", "them", "me", "us", "it's", "it’s", "he's", "he’s", "she's", "she’s",
  "we're", "they're", "you're", "we’re", "they’re", "you’re", "that's",
  "that’s", "there's", "there’s", "what's", "what’s", "let's", "let’s",
  "the", "a", "an", "this", "that", "these", "those", "some", "any", "each",
  "every", "all", "both", "no", "not", "many", "most", "few", "several", "such",
  "and", "but", "or", "nor", "so", "yet", "if", "when", "while", "where", "why",
  "how", "what", "who", "whom", "whose", "which", "after", "before", "since",
  "until", "because", "although", "though", "as", "at", "by", "for", "from",
  "in", "into", "of", "on", "onto", "to", "with", "without", "within",
  "about", "above", "across", "against", "along", "among", "around", "behind",
  "below", "beside", "between", "beyond", "despite", "during", "except",
  "inside", "near", "off", "outside", "over", "past", "per", "through",
  "throughout", "toward", "towards", "under", "unlike", "up", "upon", "via",
  "like", "than", "then", "also", "afterwards", "afterward", "again", "already",
  "always", "even", "ever", "here", "there", "however", "indeed", "instead",
  "just", "later", "earlier", "meanwhile", "moreover", "nevertheless", "now",
  "often", "once", "only", "perhaps", "still", "thus", "today", "tonight",
  "tomorrow", "yesterday", "too", "very", "well", "yes", "last", "next",
  "first", "second", "third", "finally", "following", "according", "asked",
  "speaking", "photo", "photos", "image", "images", "video", "read", "watch",
  "related", "advertisement", "share", "click", "update", "updated", "editor",
  "note", "is", "are", "was", "were", "be", "been", "has", "have", "had", "do",
  "does", "did", "would", "can", "could", "should", "might", "must", "shall",
  "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "hundreds", "thousands", "dozens", "millions", "mr", "mrs", "ms", "dr",
  "dear", "hello", "hi", "thanks", "thank", "please", "oh", "ok", "okay",
  "no", "not", "never", "nothing", "everyone", "everybody", "someone",
  "somebody", "anyone", "nobody", "god", "christmas", "easter", "internet",
  "web", "covid", "coronavirus", "black", "white", "democrat", "republican",
  "democrats", "republicans", "american", "americans", "african", "federal",
  "national", "supreme", "international", "global", "new", "old", "former",
  "late", "both", "either", "neither", "instead", "whether", "unless", "otherwise",
  "sources", "source", "officials", "critics", "supporters", "reporting",
  "additional", "copyright", "all", "getty", "ap", "reuters", "afp", "pic",
  "breaking", "exclusive", "opinion", "analysis", "comment", "live", "more",
  "less", "much", "other", "another", "same", "own", "said", "says", "say",
  "see", "meet", "why", "who", "despite", "amid", "while", "whereas",
  NULL
};

static const char *place_prefix_words[] = {
  "new", "north", "south", "east", "west", "saint", "san", "santa", "los", "las",
  "fort", "port", "mount", "mt", "lake", "upper", "lower", "united", "great",
  "royal", "national", "federal", "supreme", "central", "southern", "northern",
  "eastern", "western", "st", "el", "grand", "greater", "little", "old",
  "middle", "far", "near", "american", "british", "african", "european",
  "asian", "capitol", "mid",
  NULL
};

static const char *month_words[] = {
  "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december", "jan", "feb", "mar", "apr",
  "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  NULL
};

static const char *weekday_words[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
  NULL
};

static const char *determiner_words[] = {
  "the", "a", "an", "this", "these", "those", "its", "their", "our", "your",
  "my", "every", "each", "some", "any", "no",
  NULL
};

static const char *speech_verb_words[] = {
  "said", "says", "say", "told", "tells", "tell", "added", "adds", "wrote",
  "writes", "tweeted", "tweets", "posted", "posts", "explained", "explains",
  "stated", "declared", "declares", "asked", "asks", "replied", "replies",
  "responded", "responds", "noted", "notes", "recalled", "recalls", "continued",
  "continues", "insisted", "insists", "argued", "argues", "claimed", "claims",
  "announced", "announces", "remarked", "acknowledged", "acknowledges",
  "admitted", "admits", "testified", "testifies", "warned", "warns", "urged",
  "urges", "pleaded", "cried", "shouted", "whispered", "answered", "answers",
  "observed", "commented", "conceded", "concedes", "emphasized", "emphasised",
  "stressed", "stresses", "suggested", "suggests", "predicted", "complained",
  "joked", "laughed", "sighed", "wondered", "reflected", "confirmed",
  "confirms", "maintained", "maintains", "contended", "contends", "countered",
  "concluded", "agreed", "texted", "messaged", "wrote", "recounted",
  "recounts", "described", "describes", "mused", "boasted", "vowed", "vows",
  "promised", "promises", "pleads", "begged", "demanded", "demands",
  "exclaimed", "screamed", "yelled", "murmured", "sobbed", "added", "pointed",
  "reiterated", "reiterates", "insisted", "added", "remembered", "remembers",
  "explains", "elaborated", "cautioned", "cautions", "announced", "declared",
  "stated", "states", "testified", "shared", "captioned", "quipped",
  NULL
};

static const char *particle_words[] = {
  "de", "la", "le", "van", "von", "der", "den", "du", "da", "di", "del", "della",
  "dos", "das", "do", "bin", "ibn", "al", "el", "ter", "ten", "af", "zu", "y",
  "st",
  NULL
};

static const char *name_suffix_words[] = {
  "jr", "sr", "ii", "iii", "iv", "esq",
  NULL
};

static const char *company_words[] = {
  "inc", "corp", "co", "llc", "ltd", "plc", "gmbh", "ag", "sa", "llp", "lp",
  "group", "holdings", "company", "incorporated", "limited",
  NULL
};

/* Common given names (census-style frequency lists); used only as a weak
 * cue for gender and for telling two-word names from other phrases. */
static const char *first_male_words[] = {
  "james", "john", "robert", "michael", "william", "david", "richard", "joseph",
  "thomas", "charles", "christopher", "daniel", "matthew", "anthony", "mark",
  "donald", "steven", "paul", "andrew", "joshua", "kenneth", "kevin", "brian",
  "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan", "jacob",
  "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott",
  "brandon", "benjamin", "samuel", "gregory", "alexander", "frank", "patrick",
  "raymond", "jack", "dennis", "jerry", "tyler", "aaron", "jose", "adam",
  "nathan", "henry", "douglas", "zachary", "peter", "kyle", "ethan", "walter",
  "noah", "jeremy", "christian", "keith", "roger", "terry", "gerald", "harold",
  "sean", "austin", "carl", "arthur", "lawrence", "dylan", "jesse", "jordan",
  "bryan", "billy", "joe", "bruce", "gabriel", "logan", "albert", "willie",
  "alan", "juan", "wayne", "elijah", "randy", "roy", "vincent", "ralph",
  "eugene", "russell", "bobby", "mason", "philip", "louis", "harry", "howard",
  "fred", "tom", "bill", "bob", "jim", "mike", "dave", "steve", "tony", "rick",
  "dan", "ben", "sam", "nick", "matt", "greg", "jeff", "ted", "ed", "ken",
  "jimmy", "johnny", "danny", "tommy", "eddie", "charlie", "frankie", "martin",
  "luis", "carlos", "miguel", "jorge", "pedro", "antonio", "manuel", "francisco",
  "luke", "ian", "oscar", "leonard", "stanley", "earl", "clarence", "herbert",
  "ernest", "norman", "marcus", "curtis", "derek", "travis", "shane", "troy",
  "leroy", "calvin", "marvin", "glenn", "alfred", "oliver", "hugh", "rupert",
  "nigel", "graham", "neil", "colin", "ian", "malcolm", "stuart", "angus",
  "hans", "karl", "pierre", "jean", "jacques", "giuseppe", "marco", "ahmed",
  "mohammed", "muhammad", "ali", "omar", "hassan", "ivan", "vladimir", "sergei",
  "dmitri", "abraham", "isaac", "lewis", "julius", "rodney", "reginald",
  "cedric", "tyrone", "darnell", "jamal", "andre", "terrence", "lamar",
  "dwayne", "maurice", "byron", "franklin", "herman", "lloyd", "wesley",
  "edgar", "ross", "chester", "victor", "felix", "warren", "dean", "allen",
  "ray", "lee", "gene", "leon", "max", "sidney", "milton", "morris", "irving",
  "ulysses", "grover", "woodrow", "calvin", "dwight", "lyndon", "gerald",
  "jimmy", "ronald", "eugene", "nelson", "desmond", "winston", "ernesto",
  "rafael", "ricardo", "roberto", "fernando", "javier", "diego", "alejandro",
  "sebastian", "mateo", "santiago", "emmanuel", "kwame", "oscar", "ross",
  "clark", "clint", "dale", "duane", "floyd", "harvey", "jay", "lance", "leo",
  "lonnie", "lyle", "mitchell", "neal", "otis", "perry", "preston", "ramon",
  "rex", "rudy", "stuart", "vernon", "wade", "ward", "willard",
  NULL
};

static const char *first_female_words[] = {
  "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan",
  "jessica", "sarah", "karen", "lisa", "nancy", "betty", "margaret", "sandra",
  "ashley", "kimberly", "emily", "donna", "michelle", "carol", "amanda",
  "dorothy", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura",
  "cynthia", "kathleen", "amy", "angela", "shirley", "anna", "brenda", "pamela",
  "emma", "nicole", "helen", "samantha", "katherine", "christine", "debra",
  "rachel", "carolyn", "janet", "catherine", "maria", "heather", "diane",
  "ruth", "julie", "olivia", "joyce", "virginia", "victoria", "kelly", "lauren",
  "christina", "joan", "evelyn", "judith", "megan", "andrea", "cheryl", "hannah",
  "jacqueline", "martha", "gloria", "teresa", "ann", "sara", "madison",
  "frances", "kathryn", "janice", "jean", "abigail", "alice", "judy", "sophia",
  "grace", "denise", "amber", "doris", "marilyn", "danielle", "beverly",
  "isabella", "theresa", "diana", "natalie", "brittany", "charlotte", "marie",
  "kayla", "alexis", "lori", "kim", "kate", "katie", "jane", "jenny", "sue",
  "liz", "beth", "meg", "peggy", "annie", "lucy", "rose", "rosa", "carmen",
  "ana", "lucia", "sofia", "isabel", "elena", "juana", "guadalupe", "josefina",
  "ella", "ellen", "eleanor", "edith", "ethel", "florence", "irene", "louise",
  "lillian", "mildred", "norma", "paula", "phyllis", "rita", "roberta",
  "sally", "sylvia", "tina", "vera", "wanda", "yvonne", "agnes", "annette",
  "bonnie", "claire", "clara", "dolores", "elaine", "esther", "eva", "gail",
  "hazel", "ida", "jill", "joanne", "josephine", "june", "lois", "lynn",
  "marion", "maureen", "monica", "nora", "pauline", "priscilla", "rhonda",
  "stella", "susie", "tammy", "tanya", "toni", "valerie", "vicki", "wendy",
  "aisha", "fatima", "keisha", "latoya", "tamika", "ebony", "shanice",
  "chelsea", "cyntoia", "kemba", "viola", "patty", "patsy", "harriet",
  "rosalind", "coretta", "michaela", "oprah", "whitney", "aretha", "serena",
  "venus", "hillary", "melania", "michele", "nancy", "kamala", "sonia",
  "ruth", "sandra", "elena", "amy", "ketanji", "angelina", "jada", "nina",
  "leah", "mia", "zoe", "chloe", "ava", "lily", "natasha", "olga", "svetlana",
  "ingrid", "greta", "heidi", "francesca", "giulia", "chiara", "marta",
  "agnieszka", "anne", "annabel", "camille", "celine", "sophie", "margot",
  "brigitte", "simone", "yolanda", "veronica", "lorraine", "beatrice",
  "bernadette", "geraldine", "jeanette", "loretta", "marjorie", "muriel",
  "myrtle", "naomi", "olive", "pearl", "rosemary", "ruby", "sadie", "thelma",
  "una", "violet", "winifred", "cora", "daisy", "dora", "elsie", "fanny",
  "flora", "gertrude", "hattie", "iris", "jessie", "kitty", "mabel", "minnie",
  "nellie", "opal", "polly", "queenie", "sheila", "tara", "vanessa", "yasmin",
  "zara", "susanna", "susannah", "lena", "lina", "maya", "tiffany", "crystal",
  "april",
  NULL
};

/* ------------------------------------------------------------ word tables */

static void
word_table_put (CbWordTable *table,
                CbWordSlot  *slot)
{
  guint i = slot->hash & table->mask;

  while (table->slots[i].word != NULL)
    i = (i + 1) & table->mask;
  table->slots[i] = *slot;
}

CbWordTable *
cb_word_table_new (void)
{
  CbWordTable *table = g_new0 (CbWordTable, 1);

  table->mask = 63;
  table->slots = g_new0 (CbWordSlot, table->mask + 1);
  return table;
}

void
cb_word_table_add (CbWordTable *table,
                   const char  *lower_word,
                   guint32      value)
{
  gsize n = strlen (lower_word);
  guint32 h = cb_word_hash_lower (lower_word, n);
  CbWordSlot slot = { lower_word, n, h, value };

  for (guint i = h & table->mask; table->slots[i].word != NULL; i = (i + 1) & table->mask)
    if (table->slots[i].len == n && strcmp (table->slots[i].word, lower_word) == 0)
      {
        table->slots[i].value |= value;
        return;
      }

  /* At most a quarter full: lookups of absent words stop soon. */
  if (4 * (table->n + 1) > table->mask + 1)
    {
      CbWordSlot *old = table->slots;
      guint old_size = table->mask + 1;

      table->mask = 2 * old_size - 1;
      table->slots = g_new0 (CbWordSlot, table->mask + 1);
      for (guint i = 0; i < old_size; i++)
        if (old[i].word != NULL)
          word_table_put (table, &old[i]);
      g_free (old);
    }
  word_table_put (table, &slot);
  table->n++;
}

/* Pronoun bits in the values of word_classes, above the lists' bits. */
#define PRONOUN_M (1u << 30)
#define PRONOUN_F (1u << 31)
#define LIST_BITS ((1u << CB_N_WORDS) - 1)

static GHashTable *word_sets[CB_N_WORDS];
/* Every listed word → the bit set of its lists (1 << CbWords): one lookup
 * per token when scanning, then cb_tok_in() is a bit test. */
static CbWordTable *word_classes;

static void
init_word_sets (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      const char **lists[CB_N_WORDS] = {
        [CB_WORDS_TITLE] = title_words,
        [CB_WORDS_TITLE_MOD] = title_mod_words,
        [CB_WORDS_TITLE_MALE] = title_male_words,
        [CB_WORDS_TITLE_FEMALE] = title_female_words,
        [CB_WORDS_INSTITUTION] = institution_words,
        [CB_WORDS_STOP] = stop_words,
        [CB_WORDS_PLACE_PREFIX] = place_prefix_words,
        [CB_WORDS_MONTH] = month_words,
        [CB_WORDS_WEEKDAY] = weekday_words,
        [CB_WORDS_DETERMINER] = determiner_words,
        [CB_WORDS_SPEECH_VERB] = speech_verb_words,
        [CB_WORDS_PARTICLE] = particle_words,
        [CB_WORDS_NAME_SUFFIX] = name_suffix_words,
        [CB_WORDS_COMPANY] = company_words,
        [CB_WORDS_FIRST_MALE] = first_male_words,
        [CB_WORDS_FIRST_FEMALE] = first_female_words,
      };

      static const char *male[] = { "he", "him", "his", "himself", NULL };
      static const char *female[] = { "she", "her", "hers", "herself", NULL };

      G_STATIC_ASSERT (CB_N_WORDS <= CB_TOK_EVENT_SHIFT);
      word_classes = cb_word_table_new ();
      for (guint l = 0; l < CB_N_WORDS; l++)
        {
          word_sets[l] = g_hash_table_new (g_str_hash, g_str_equal);
          for (guint i = 0; lists[l][i] != NULL; i++)
            {
              g_hash_table_add (word_sets[l], (gpointer) lists[l][i]);
              cb_word_table_add (word_classes, lists[l][i], 1u << l);
            }
        }
      for (guint i = 0; male[i] != NULL; i++)
        cb_word_table_add (word_classes, male[i], PRONOUN_M);
      for (guint i = 0; female[i] != NULL; i++)
        cb_word_table_add (word_classes, female[i], PRONOUN_F);
      _cb_events_add_words (word_classes, CB_TOK_EVENT_SHIFT);
      g_once_init_leave (&initialised, 1);
    }
}

gboolean
cb_words_has (CbWords     list,
              const char *lower_word)
{
  init_word_sets ();
  return g_hash_table_contains (word_sets[list], lower_word);
}

guint32
cb_words_classes (const char *lower_word)
{
  init_word_sets ();
  return cb_word_table_lookup (word_classes, lower_word, strlen (lower_word)) & LIST_BITS;
}

/* ------------------------------------------------------------------ tokens */

static inline gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static inline gunichar
char_at (const char *p,
         const char *end,
         int        *len)
{
  guchar c = (guchar) *p;

  if (c < 0x80)
    {
      *len = 1;
      return c;
    }
  else
    {
      gunichar u = g_utf8_get_char_validated (p, end - p);

      if (u == (gunichar) -1 || u == (gunichar) -2)
        {
          *len = 1;
          return 0xFFFD;
        }
      *len = g_utf8_skip[c];
      return u;
    }
}

static gboolean
is_quote_char (gunichar c)
{
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB
         || c == 0x00BB;
}

/* Abbreviations after which a full stop does not end a sentence. */
static const char *abbreviations[] = {
  "mr", "mrs", "ms", "dr", "st", "jr", "sr", "sen", "rep", "gov", "gen", "lt",
  "col", "sgt", "capt", "prof", "rev", "fr", "det", "adm", "maj", "cpl", "hon",
  "no", "vs", "v", "mt", "ft", "corp", "inc", "co", "est", "approx", "jan",
  "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "ave", "blvd", "dept", "univ", "gov't", "mme", "messrs", "op", "cf", "etc",
  NULL
};

static gboolean
is_abbreviation (CbScan *scan,
                 guint   i)
{
  static GHashTable *set = NULL;
  const CbTok *t = &scan->toks[i];
  gsize n = t->end - t->start;
  char buf[16];

  if (t->kind != CB_TOK_WORD)
    return FALSE;
  if (n == 1 && (t->flags & CB_TOK_CAP))
    return TRUE;  /* an initial, or one letter of "U.S." */
  if (!cb_tok_lower (scan, i, buf, sizeof buf))
    return FALSE;
  if (g_once_init_enter (&set))
    {
      GHashTable *s = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint k = 0; abbreviations[k] != NULL; k++)
        g_hash_table_add (s, (gpointer) abbreviations[k]);
      g_once_init_leave (&set, s);
    }
  return g_hash_table_contains (set, buf);
}

static void
tokenize (CbScan *scan)
{
  const char *text = scan->text;
  const char *end = text + scan->len;
  const char *p = text;
  /* Grown by hand: an append per token is too dear as a call. */
  gsize cap = scan->len / 4 + 16, n_toks = 0;
  CbTok *toks = g_new (CbTok, cap);
  guint para = 0;
  gboolean newline = TRUE;
  gboolean space = TRUE;
  gboolean any_in_para = FALSE;

  while (p < end)
    {
      int len;
      gunichar c = char_at (p, end, &len);
      CbTok t = { 0, };

      if (c == '\n')
        {
          if (any_in_para)
            para++;
          any_in_para = FALSE;
          newline = TRUE;
          space = TRUE;
          p += len;
          continue;
        }
      if (c < 0x80 ? g_ascii_isspace (c) : (g_unichar_isspace (c) || c == 0xFEFF || c == 0x200B))
        {
          space = TRUE;
          p += len;
          continue;
        }

      t.start = p - text;
      t.para = para;
      t.quote = -1;
      t.person = -1;
      t.newline = newline;
      if (!space)
        t.flags |= CB_TOK_GLUED;

      if (is_word_char (c))
        {
          gboolean has_upper = FALSE, has_lower = FALSE, first = TRUE;
          const char *q = p;

          t.kind = (c < 0x80 ? g_ascii_isdigit (c) : g_unichar_isdigit (c)) ? CB_TOK_NUMBER : CB_TOK_WORD;
          while (q < end)
            {
              int l;
              gunichar d;

              /* ASCII letters and digits, most of the text, the short way. */
              if ((guchar) *q < 0x80 && g_ascii_isalnum (*q))
                {
                  if (g_ascii_isupper (*q))
                    {
                      has_upper = TRUE;
                      if (first)
                        t.flags |= CB_TOK_CAP;
                      else if ((t.flags & CB_TOK_LOWER) && q - p <= 4)
                        t.flags |= CB_TOK_INNER_CAP;
                    }
                  else if (g_ascii_islower (*q))
                    {
                      has_lower = TRUE;
                      if (first)
                        t.flags |= CB_TOK_LOWER;
                    }
                  first = FALSE;
                  q++;
                  continue;
                }
              d = char_at (q, end, &l);
              if (is_word_char (d))
                {
                  if (d < 0x80 ? g_ascii_isupper (d) : g_unichar_isupper (d))
                    {
                      has_upper = TRUE;
                      if (first)
                        t.flags |= CB_TOK_CAP;
                      else if ((t.flags & CB_TOK_LOWER) && q - p <= 4)
                        t.flags |= CB_TOK_INNER_CAP;
                    }
                  else if (d < 0x80 ? g_ascii_islower (d) : g_unichar_islower (d))
                    {
                      has_lower = TRUE;
                      if (first)
                        t.flags |= CB_TOK_LOWER;
                    }
                  first = FALSE;
                  q += l;
                  continue;
                }
              /* Inner apostrophes and hyphens: O'Neil, Doe's, son-in-law. */
              if (d == '\'' || d == 0x2019 || d == '-' || d == 0x2010 || d == 0x2011)
                {
                  int l2;

                  if (q + l < end && is_word_char (char_at (q + l, end, &l2)))
                    {
                      q += l;
                      continue;
                    }
                }
              break;
            }
          if (has_upper && !has_lower && q - p >= 2)
            t.flags |= CB_TOK_ALLCAPS;
          t.end = q - text;
          p = q;
        }
      else
        {
          t.kind = CB_TOK_PUNCT;
          t.ch = c;
          t.end = t.start + len;
          p += len;
        }
      if (n_toks == cap)
        {
          cap *= 2;
          toks = g_renew (CbTok, toks, cap);
        }
      toks[n_toks++] = t;
      newline = FALSE;
      space = FALSE;
      any_in_para = TRUE;
    }

  scan->n_toks = n_toks;
  /* Exactly as long as needed, so that the sanitizer build catches a read
   * one past the last token. */
  scan->toks = g_renew (CbTok, toks, MAX (n_toks, 1));

  /* The word lists each token is in, as cb_tok_in() asks them, and
   * whether it is a third-person pronoun. */
  for (guint i = 0; i < scan->n_toks; i++)
    {
      CbTok *t = &scan->toks[i];
      guint32 v;

      /* Longer tokens are in no list (the longest word there is shorter). */
      if (t->kind == CB_TOK_PUNCT || t->end - t->start >= 32)
        continue;
      v = cb_word_table_lookup_tok (word_classes, scan, i);
      t->words = v & ~(PRONOUN_M | PRONOUN_F);
      if (t->kind == CB_TOK_WORD)
        t->pronoun = (v & PRONOUN_M) ? 'm' : (v & PRONOUN_F) ? 'f' : 0;
    }
}

static gboolean
is_closing_punct (gunichar c)
{
  return c == ')' || c == ']' || c == '\'' || c == 0x2019 || is_quote_char (c);
}

/* Marks sentence starts and numbers the sentences. */
static void
split_sentences (CbScan *scan)
{
  guint sent = 0;
  gboolean next_starts = TRUE;

  for (guint i = 0; i < scan->n_toks; i++)
    {
      CbTok *t = &scan->toks[i];

      if (i > 0 && t->para != scan->toks[i - 1].para)
        next_starts = TRUE;
      if (next_starts)
        {
          if (i > 0)
            sent++;
          t->flags |= CB_TOK_SENT_START;
          next_starts = FALSE;
        }
      t->sent = sent;

      if (t->kind == CB_TOK_PUNCT && (t->ch == '.' || t->ch == '!' || t->ch == '?' || t->ch == 0x2026))
        {
          guint j = i + 1;

          if (t->ch == '.' && i > 0 && (t->flags & CB_TOK_GLUED) && is_abbreviation (scan, i - 1))
            continue;
          while (j < scan->n_toks && scan->toks[j].kind == CB_TOK_PUNCT
                 && is_closing_punct (scan->toks[j].ch) && scan->toks[j].para == t->para
                 && (scan->toks[j].flags & CB_TOK_GLUED))
            j++;
          if (j < scan->n_toks && scan->toks[j].para == t->para
              && !(scan->toks[j].flags & CB_TOK_GLUED)
              && (scan->toks[j].flags & (CB_TOK_CAP | CB_TOK_LOWER)) != CB_TOK_LOWER)
            {
              /* The closing marks still belong to this sentence. */
              for (guint k = i + 1; k < j; k++)
                scan->toks[k].sent = sent;
              i = j - 1;
              next_starts = TRUE;
            }
        }
    }
  scan->n_sents = scan->n_toks ? sent + 1 : 0;
}

/* Paragraphs written in capitals ("WHO IS JANE DOE?") are headings. */
static void
mark_headings (CbScan *scan)
{
  guint i = 0;

  while (i < scan->n_toks)
    {
      guint j = i, words = 0, caps = 0;

      while (j < scan->n_toks && scan->toks[j].para == scan->toks[i].para)
        {
          if (scan->toks[j].kind == CB_TOK_WORD)
            {
              words++;
              if (scan->toks[j].flags & CB_TOK_ALLCAPS)
                caps++;
            }
          j++;
        }
      if (words >= 2 && caps * 10 >= words * 8)
        for (guint k = i; k < j; k++)
          scan->toks[k].flags |= CB_TOK_HEADING;
      i = j;
    }
}

/* Straight quotes open after white space or an opening bracket/dash and close
 * otherwise; an unclosed quotation runs on into the next paragraph when that
 * paragraph opens with a quotation mark (newspaper style), else it ends with
 * its paragraph. */
static void
find_quotes (CbScan *scan)
{
  int open = -1;     /* token index of the current opening mark */
  CbQuoteRegion region = { 0, };

  scan->quotes = g_array_new (FALSE, FALSE, sizeof (CbQuoteRegion));

  for (guint i = 0; i <= scan->n_toks; i++)
    {
      CbTok *t = i < scan->n_toks ? &scan->toks[i] : NULL;
      gboolean opening = FALSE, closing = FALSE;

      if (open >= 0 && (t == NULL || t->para != scan->toks[i - 1].para))
        {
          /* End of a paragraph inside a quotation. */
          if (t != NULL && t->kind == CB_TOK_PUNCT
              && (t->ch == '"' || t->ch == 0x201C || t->ch == 0x201E || t->ch == 0x00AB))
            {
              t->flags |= CB_TOK_QUOTE_OPEN;
              t->quote = scan->quotes->len;
              continue;  /* the quotation goes on */
            }
          region.close_tok = i;
          region.end = scan->toks[i - 1].end;
          region.closed = FALSE;
          g_array_append_val (scan->quotes, region);
          open = -1;
        }
      if (t == NULL)
        break;

      if (t->kind == CB_TOK_PUNCT && is_quote_char (t->ch))
        {
          switch (t->ch)
            {
            case 0x201C:
            case 0x201E:
            case 0x00AB:
              opening = TRUE;
              break;
            case 0x201D:
            case 0x00BB:
              closing = TRUE;
              break;
            default:
              if (open >= 0)
                closing = TRUE;
              else
                opening = TRUE;
              break;
            }
          if (t->ch == 0x201D && open < 0)
            {
              /* A stray closing curly quote used as an opening one. */
              if (!(t->flags & CB_TOK_GLUED) && i + 1 < scan->n_toks
                  && (scan->toks[i + 1].flags & CB_TOK_GLUED))
                {
                  closing = FALSE;
                  opening = TRUE;
                }
            }
        }

      if (closing && open >= 0)
        {
          region.close_tok = i;
          region.end = t->start;
          region.closed = TRUE;
          t->flags |= CB_TOK_QUOTE_CLOSE;
          t->quote = scan->quotes->len;
          g_array_append_val (scan->quotes, region);
          open = -1;
          continue;
        }
      if (opening)
        {
          if (open >= 0)
            {
              /* Two openings in a row: the first one never closed. */
              region.close_tok = i;
              region.end = scan->toks[i - 1].end;
              region.closed = FALSE;
              g_array_append_val (scan->quotes, region);
            }
          open = i;
          region.open_tok = i;
          region.start = t->end;
          t->flags |= CB_TOK_QUOTE_OPEN;
          t->quote = scan->quotes->len;
          continue;
        }
      if (open >= 0)
        {
          t->quote = scan->quotes->len;
          /* The first word of a quotation is capitalised like a sentence start. */
          if (i == (guint) open + 1)
            t->flags |= CB_TOK_SENT_START;
        }
    }

  /* Drop empty regions (a lone mark) so every region has words. */
  for (guint q = 0; q < scan->quotes->len; q++)
    {
      CbQuoteRegion *r = &g_array_index (scan->quotes, CbQuoteRegion, q);

      if (r->end < r->start)
        r->end = r->start;
    }
}

CbScan *
cb_scan_new (const char *text)
{
  CbScan *scan = g_new0 (CbScan, 1);

  init_word_sets ();
  scan->text = text;
  scan->len = strlen (text);
  tokenize (scan);
  split_sentences (scan);
  mark_headings (scan);
  find_quotes (scan);
  return scan;
}

void
cb_scan_free (CbScan *scan)
{
  if (scan == NULL)
    return;
  g_free (scan->toks);
  if (scan->quotes)
    g_array_unref (scan->quotes);
  g_free (scan);
}

guint
cb_scan_token_at (CbScan *scan,
                  guint   offset)
{
  guint lo = 0, hi = scan->n_toks;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (scan->toks[mid].start < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

void
cb_scan_reset_persons (CbScan *scan)
{
  for (guint i = 0; i < scan->n_toks; i++)
    scan->toks[i].person = -1;
}

void
cb_scan_mark_persons (CbScan    *scan,
                      GPtrArray *persons)
{
  for (guint p = 0; persons != NULL && p < persons->len; p++)
    {
      CbPerson *person = g_ptr_array_index (persons, p);

      for (guint m = 0; person->mentions && m < person->mentions->len; m++)
        {
          CbSpan *span = &g_array_index (person->mentions, CbSpan, m);
          guint i = cb_scan_token_at (scan, span->start);

          /* Every token of the mention points at the person. */
          for (; i < scan->n_toks && scan->toks[i].start < span->end; i++)
            scan->toks[i].person = p;
        }
    }
}

static gboolean
gender_compatible (GPtrArray *persons,
                   int        p,
                   char       pronoun)
{
  CbPerson *person = g_ptr_array_index (persons, p);

  if (person->gender == CB_GENDER_UNKNOWN)
    return TRUE;
  return (pronoun == 'm') == (person->gender == CB_GENDER_MALE);
}

/* A pronoun looks for its person among at most this many tokens of each
 * sentence: real sentences are shorter, and one of thousands of words must
 * not make each of its pronouns cost the whole sentence. */
#define PRONOUN_REACH 80

/* Appends to @out the persons mentioned in sentence @sent outside quotations
 * (or inside quotation @quote), in order of first mention, before token @limit. */
typedef struct
{
  int  *p;
  guint len;
  guint cap;
} IntList;

static void
sentence_persons (CbScan  *scan,
                  guint    first_tok,
                  guint    limit,
                  int      quote,
                  IntList *out)
{
  for (guint i = first_tok; i < limit; i++)
    {
      int p = scan->toks[i].person;
      gboolean seen = FALSE;

      if (p < 0 || scan->toks[i].quote != quote)
        continue;
      for (guint k = 0; k < out->len; k++)
        if (out->p[k] == p)
          seen = TRUE;
      if (seen)
        continue;
      if (out->len == out->cap)
        {
          out->cap = MAX (16, 2 * out->cap);
          out->p = g_renew (int, out->p, out->cap);
        }
      out->p[out->len++] = p;
    }
}

void
cb_scan_resolve_pronouns (CbScan         *scan,
                          GPtrArray      *persons,
                          const gboolean *avoid)
{
  g_autofree guint *sent_start = NULL;
  IntList cands = { NULL, 0, 0 };

  if (persons == NULL || persons->len == 0 || scan->n_toks == 0)
    return;

  sent_start = g_new0 (guint, scan->n_sents + 1);
  for (guint i = scan->n_toks; i > 0; i--)
    sent_start[scan->toks[i - 1].sent] = i - 1;

  for (guint i = 0; i < scan->n_toks; i++)
    {
      CbTok *t = &scan->toks[i];
      char pronoun;
      guint s;
      int acting;

      /* (Only words have a pronoun.) */
      pronoun = t->pronoun;
      if (pronoun == 0 || t->person >= 0 || t->quote >= 0 || t->kind != CB_TOK_WORD)
        continue;

      /* Candidates: this sentence before the pronoun, then earlier sentences,
       * each in order of mention (the subject first), no more than four
       * sentences or two paragraphs back. */
      /* "Judge Roe sentenced him": the one acting right before is not the
       * one the object pronoun stands for. */
      acting = -1;
      if (i >= 2 && scan->toks[i - 1].kind == CB_TOK_WORD && scan->toks[i - 1].person < 0
          && scan->toks[i - 2].person >= 0 && scan->toks[i - 2].sent == t->sent)
        acting = scan->toks[i - 2].person;

      /* People to avoid (officials) only when nobody else fits, in any of
       * the sentences looked at. */
      s = t->sent;
      for (guint pass = 0; pass < 2 && t->person < 0; pass++)
        for (guint back = 0; back < 5; back++)
          {
            guint from, to;

            if (back > s)
              break;
            from = sent_start[s - back];
            to = back == 0 ? i : sent_start[s - back + 1];
            if (scan->toks[from].para + 2 < t->para)
              break;
            /* Within reach: the words just before the pronoun, the start of
             * an earlier sentence. */
            if (back == 0 && to > from + PRONOUN_REACH)
              from = to - PRONOUN_REACH;
            else if (back > 0 && to > from + PRONOUN_REACH)
              to = from + PRONOUN_REACH;
            cands.len = 0;
            sentence_persons (scan, from, to, -1, &cands);
            for (guint k = 0; k < cands.len; k++)
              {
                int p = cands.p[k];

                if ((pass == 0 && avoid != NULL && avoid[p]) || (back == 0 && p == acting))
                  continue;
                if (gender_compatible (persons, p, pronoun))
                  {
                    t->person = p;
                    break;
                  }
              }
            if (t->person >= 0)
              break;
          }
    }
  g_free (cands.p);
}
