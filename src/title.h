#ifndef NF_TITLE_H
#define NF_TITLE_H

/*
 * Titles: the outlet's name that aggregators append to a headline, and
 * when two titles tell the same story. One rule for each, whoever asks:
 * the screens and --headlines, related entries, and story folding.
 */

#include <stddef.h>
#include <stdint.h>

/* fold-threshold when the dotfile does not set it (0..1). */
#define TITLE_DEFAULT_THRESHOLD 0.6

/* Where a trailing name is, by its shape alone: aggregators append the
 * outlet's name to a headline (" - Publisher", " – ", " — ", " | ", "｜",
 * " － "). Only the last such separator counts, with at least 12 bytes
 * before it, and only when what follows reads as a name: at most five
 * words of at most 48 bytes, each capitalised (or in a script without
 * case, or a joining word such as "of"), without sentence punctuation,
 * so "Live updates" or "3 dead" never read as one. Returns the length
 * before the separator and points *outlet at the name, or returns
 * strlen(title) with *outlet NULL. A shape is no outlet by itself: see
 * title_outlet_cut(); only an aggregator's list of "Headline - Outlet"
 * entries (related.c) reads outlets by their shape. */
size_t title_outlet_tail(const char *title, const char **outlet);
/* The same shape after a headline of any length ("Update - El Diario del
 * Levante"), for a caller that cuts only the names of outlets it knows:
 * the name, not the shape, tells such a tail. */
size_t title_outlet_tail_any(const char *title, const char **outlet);

/* The outlet-tail rule, decided here and nowhere else: a trailing " - X"
 * (shaped as title_outlet_tail() reads it) is an outlet's name, not part
 * of the headline, only where the feed says so: X is the outlet the feed
 * names for the item (named: its RSS <source>, or the name an aggregator
 * sets in <font>), or X is the feed's own title (feed). Case and a
 * leading "The" do not count. Otherwise the title stays whole:
 * "MATCHDAY Kestrel FC - Saltmere Rovers" keeps both teams. named and
 * feed may be NULL. Returns the headline's length and points *tail at X,
 * or returns strlen(title) with *tail NULL. */
size_t title_outlet_cut(const char *title, const char *named, const char *feed,
                        const char **tail);

/* The bytes of title before a summary its feed glued on ("... after 4
 * daysWater was restored to ..." over a summary that opens "Water was
 * restored"), the whole title when summary is NULL or glued nothing. */
size_t title_unglued(const char *title, const char *summary);

/* A headline as the screens and --headlines show it: an outlet tail (by
 * title_outlet_cut()) cut off into head, and source reading "Outlet via
 * Feed" for an item whose feed names its outlet, else feed. named and
 * feed may be NULL; head or source may be NULL when not wanted. Both are
 * always terminated (cut on a whole character). */
void title_headline_named(const char *title, const char *named, const char *feed,
                          char *head, size_t hsize, char *source, size_t ssize);
/* The same for an item whose feed names no outlet. */
void title_headline(const char *title, const char *feed, char *head,
                    size_t hsize, char *source, size_t ssize);

/* The title as folding sees it: outlet tail (source is what
 * title_outlet_cut() may cut: the item's named outlet, else its feed's
 * title), ellipsis and a trailing source name cut, case, width and
 * punctuation folded, British spellings read as American ones, words
 * separated by one space. Returns a new string (free()), NULL when out of memory. */
char *title_normalize(const char *title, const char *source);

/* Whether two titles are near-duplicates at threshold, by the rule that
 * fold_stories() verifies with: title_same_story() below. NULL-safe. */
int title_similar(const char *a, const char *b, double threshold);

/* ---- What story folding works with --------------------------------- */

/* A title read for folding: its words folded (case, width, punctuation),
 * its keys (numbers and names) marked. Scratch for one title at a time;
 * title_words_new() returns one (NULL when out of memory), free it with
 * title_words_free(). */
struct title_words;
struct title_words *title_words_new(void);
void title_words_free(struct title_words *w);

/* title_normalize() with w as its scratch: for a caller that normalizes
 * many titles, as a scratch is some 120 KB to make and clear. */
char *title_normalize_with(struct title_words *w, const char *title,
                           const char *source);

/* Reads a title: a summary glued onto it (summary may be NULL), its
 * outlet tail where it names source (title_outlet_cut()), its ellipsis,
 * and its own source name at the end (source may be NULL) are cut; at most TITLE_READ_MAX bytes are read. */
#define TITLE_READ_MAX 1024
void title_read(struct title_words *w, const char *title, const char *summary,
                const char *source);
/* title_read() that also cuts a trailing " - X" when X is outlet (the
 * outlet the feed names for the item, or one the caller knows). */
void title_read_named(struct title_words *w, const char *title,
                      const char *summary, const char *source,
                      const char *outlet);
/* Reads running text (a summary's lead) as it is. */
void title_read_text(struct title_words *w, const char *text, size_t len);

/* How much the title w read says, in half words: 2 for each word that is
 * not a stopword (an ordinal's Cyrillic ending, "14-й", is one), number,
 * month or weekday; in CJK, 1 for each kanji
 * outside a date and 2 for each run of katakana or of three hiragana or
 * more. A title under TITLE_SHORT (three words) says too little to fold
 * on alone: "Weather update", "Morning briefing: Friday 20 November",
 * ニュース速報, お知らせ. */
#define TITLE_SHORT 6
size_t title_informative(const struct title_words *w);
/* How many words the title w read writes past stopwords, each time it
 * writes one: numbers, months and weekdays count; CJK text does not. */
size_t title_words_written(const struct title_words *w);
/* Whether the title w read, which says informative (title_informative()),
 * is a few words that name nothing: three words at most past stopwords,
 * numbers and dates, none a proper noun, figure or marker ("Cold weather
 * warning", "Vigilance grand froid"). Many towns' news is headed so; each
 * is told in its summary. */
int title_vague(const struct title_words *w, size_t informative);
/* Whether the title w read names a date: a month or weekday, 11月17日,
 * 火曜日. Such a title is one of a dated series ("Das Wetter für
 * Elbhausen am 16. November", 【天気】南沢 11月17日 くもり) that many
 * outlets write alike. */
int title_is_dated(const struct title_words *w);
/* Whether the title w read names a date and nothing else: each of its
 * keys but its first word is a month, a weekday or a day's figure beside
 * one ("Buongiorno: le notizie di martedì 6 luglio", "[아침 뉴스] 7월
 * 6일"), as a digest's title does. A title with CJK text is none; nor is
 * one in Title Case, or German, whose capitals may be names or nouns. */
int title_names_date_only(const struct title_words *w);
/* Whether a word of the title w read may be a name that no capital shows
 * (Arabic, Hebrew, Hindi; a title all in lower case). */
int title_uncased(const struct title_words *w);

/* The words of groups whose words exclude one another that the title w
 * read holds: one sense or its opposite ("approves" or "rejects", "rises"
 * or "falls"), ordinals ("second", "third"), compass points, seasons,
 * parts of the day and the kind of item (a preview, a live page, a
 * report); a bit for each member of a group, TITLE_POLAR_BITS bits in
 * all. */
#define TITLE_POLAR_BITS 40
uint64_t title_polarity(const struct title_words *w);

/* What a shingle is. A missing word weighs 2 and a missing CJK bigram 1;
 * pairs, stopwords and CJK bigrams with hiragana (particles) nothing. */
enum title_kind {
	TITLE_KIND_WORD, TITLE_KIND_PAIR, TITLE_KIND_STOP, TITLE_KIND_CJK,
	TITLE_KIND_KANA
};

/* A word's part in "different stories": a number or a name the other
 * title must hold too; a capitalised word of a Title Case title is a
 * name only when no title of the batch writes it in lower case. */
enum title_key { TITLE_KEY_NONE, TITLE_KEY_STRONG, TITLE_KEY_WEAK,
	TITLE_KEY_MARKER, TITLE_KEY_FIRST };

struct title_shingle {
	uint64_t hash;		/* odd, never 0 */
	unsigned char kind;	/* enum title_kind */
	unsigned char key;	/* enum title_key */
	unsigned char lower;	/* a word this title writes in lower case */
};

/* The shingles of the title w read, in reading order: each word (by a
 * light English stem), each pair of words, and the bigrams of each CJK
 * run. out has room for TITLE_SHINGLES_MAX; returns how many. */
#define TITLE_SHINGLES_MAX (2 * TITLE_READ_MAX)
size_t title_shingles(const struct title_words *w, struct title_shingle *out);
/* The shingles of running text w read: word pairs and CJK bigrams only
 * (which tell a copied sentence from one that shares its words), as a
 * title gives them; at most max. */
size_t title_text_shingles(const struct title_words *w, struct title_shingle *out,
                           size_t max);
/* How title_text_keys() reads: TITLE_TEXT_CUT, the text was cut short
 * and its last word may be broken; TITLE_TEXT_UNCASED, a word that no
 * capital can show for a name may be one (see title_text_keys()). */
#define TITLE_TEXT_CUT 1
#define TITLE_TEXT_UNCASED 2

/* title_read_text(), then title_text_keys() into keys (at most maxkeys,
 * their count in *nkeys; keys NULL: none wanted) and title_text_shingles()
 * into out (at most max; returns how many): the same in less time where
 * the text is ASCII, whose words are hashed as they end and not kept (w
 * holds no reading after it). */
size_t title_text_scan(struct title_words *w, const char *text, size_t len,
                       int flags, uint32_t *keys, size_t maxkeys, size_t *nkeys,
                       struct title_shingle *out, size_t max);

/* The keys of running text w read (a summary's first sentence): its
 * numbers in digits (bit 0 set: "48-hour" and "two-day" may be one
 * strike), its capitalised words but stopwords, and its runs of kanji
 * (but a verb's stem) or of katakana, hashed, in reading order. With
 * TITLE_TEXT_UNCASED in flags also every word but stopwords of a script
 * without capitals or of a text written all in lower case, and a Korean
 * text's first word; with TITLE_TEXT_CUT the last word, which a cut may
 * have broken, is left out. At most max into out; returns how many. */
size_t title_text_keys(const struct title_words *w, int flags, uint32_t *out,
                       size_t max);

/* Writes the folded words of w without spaces to out, which has room for
 * TITLE_FLAT_MAX bytes; returns their length and sets *whole to their
 * hash. */
#define TITLE_FLAT_MAX (4 * TITLE_READ_MAX)
size_t title_flatten(const struct title_words *w, char *out, uint64_t *whole);

/* Shingles as ids that the caller gives out (fold.c for a batch of
 * titles, title_similar() for a pair): what each id is, by id. */
struct title_vocab {
	const unsigned char *kind;	/* enum title_kind */
	const unsigned char *lower;	/* some title writes it in lower case */
};

/* Marks a weak key in a key list (ids stay below it), and a marker of
 * another team of a club (Jong, II, U21): a key that parts two titles
 * even when only one of them holds it. */
#define TITLE_KEY_WEAK_BIT 0x80000000u
#define TITLE_KEY_MARKER_BIT 0x40000000u
/* ... and a title's first word, a weak key (as rewrites over one copied
 * lead change it: "Strong quake shakes ..." for "Magnitude 6.1 ..."). */
#define TITLE_KEY_FIRST_BIT 0x20000000u
/* A key's id, its bits aside. */
#define TITLE_KEY_ID \
	(~(TITLE_KEY_WEAK_BIT | TITLE_KEY_MARKER_BIT | TITLE_KEY_FIRST_BIT))
/* The bits a key list holds for a key of kind key (enum title_key). */
static inline uint32_t
title_key_bits(int key)
{
	return key == TITLE_KEY_WEAK ? TITLE_KEY_WEAK_BIT :
	       key == TITLE_KEY_FIRST ? TITLE_KEY_WEAK_BIT | TITLE_KEY_FIRST_BIT :
	       key == TITLE_KEY_MARKER ? TITLE_KEY_MARKER_BIT : 0u;
}

/* One title as the rule reads it. */
struct title_view {
	const uint32_t *ids;	/* its shingles' ids, sorted, no repeats */
	size_t nids;
	const uint32_t *keys;	/* its keys' ids (TITLE_KEY_WEAK_BIT), sorted */
	size_t nkeys;
	const char *flat;	/* title_flatten() */
	size_t flatlen;
	size_t nbase;		/* words and CJK bigrams among the ids */
	size_t weight;		/* 2 a word, 1 a CJK bigram, particles too */
	uint64_t idbits;	/* a one-in-64 filter of the ids */
	uint64_t head;		/* flat's first 8 bytes, zeros past its end */
	uint64_t polar;		/* title_polarity() */
};

/* Fills nbase, weight and idbits from the ids, head from flat (which may
 * be NULL: then 0). */
void title_view_measure(const struct title_vocab *v, struct title_view *x);

/* Whether the title w read holds a word in Hangul. */
int title_hangul(const struct title_words *w);

/* Whether the title w read holds a figure (a number, spelled or not). */
int title_figured(const struct title_words *w);

/* Whether two Korean titles each hold a word the other lacks that their
 * own summary holds and the other's does not: "8호선 푸른들~갈대밭 구간
 * 운행 중단" and "8호선 푸른들~은하골 구간 운행 중단" over leads naming 갈대밭
 * and 은하골 are two stations' news. Korean has no capitals to tell a
 * name, and a rewrite swaps a word of the title alone ("중단" for "끊겨"
 * over the wire's lead). Strings may be NULL (then 0). */
int title_hangul_swapped(const char *atitle, const char *alead,
                         const char *btitle, const char *blead);

/* Whether a word of one title that the other lacks is in the other's
 * lead (the start of its summary): "Flood alert for Greymarch ..." over
 * a lead that tells of a "flood warning" is "Flood warning for Greymarch
 * ...", a word swapped by a rewrite; "Fog warning" over a lead of fog
 * against "Snow warning" over one of snow echoes nothing. Strings may be
 * NULL (then 0). */
int title_swap_echoed(const char *atitle, const char *alead,
                      const char *btitle, const char *blead);
/* Whether one title's words that the other lacks are all in both leads
 * (the starts of the summaries), and the other's are in neither, the
 * titles sharing half the words of the shorter: over
 * one wire lead, "Stromausfall in Mirselingen: 8000 Wohnungen ohne
 * Strom" is the wire's "8000 Haushalte ..." in an outlet's word, where
 * "MATCHDAY" and "LIVESTREAM" over one match's lead echo nothing.
 * Strings may be NULL (then 0). */
int title_rewrite_echoed(const char *atitle, const char *alead,
                         const char *btitle, const char *blead);
/* Whether each title holds a word the other lacks that its own lead (the
 * start of its summary) holds and the other's does not: "Yarrowmead
 * hospital workers to strike" and "Yarrowmead rail workers to strike"
 * over leads of the hospital and the rail sector are two strikes, where
 * a rewrite swaps a word of its title alone. Words of three letters or
 * more of any spaced script count, compared whatever their case
 * ("CARNICERÍA" and "carnicería"); a summary glued onto a title is not
 * of its words. Strings may be NULL (then 0). */
int title_swap_told(const char *atitle, const char *alead, const char *btitle,
                    const char *blead);
/* Whether one title holds a word the other lacks that its own lead holds
 * and the other's does not, and the other a word the first lacks that
 * neither lead holds (a lead cut short before it: "отзывает 85 тыс.
 * электросамокатов" over a lead that names them, "... электрочайников"
 * over one cut at "85 тыс."). Words as in title_swap_told(); strings may
 * be NULL (then 0). */
int title_swap_half_told(const char *atitle, const char *alead,
                         const char *btitle, const char *blead);
/* Whether one title holds every word of the other and a word more that
 * its own lead holds and the other's lead does not: "Grève chez Lumaris
 * à Niort" and "Accord chez Lumaris : fin de la grève à Niort", over a
 * lead of the agreement, are the strike and its end. Words as in
 * title_swap_told(). Strings may be NULL (then 0). */
int title_extra_told(const char *atitle, const char *alead,
                     const char *btitle, const char *blead);
/* Whether one title holds every word of the other (as title_extra_told()
 * reads them) and TITLE_EXTRA_LATER words more, none of which the other's
 * lead holds: "Sciopero alla Meccanica Orobica di Avellino" and, a day
 * on, "Firmato l'accordo alla Meccanica Orobica: finisce lo sciopero di
 * Avellino" over a lead of the agreement are the strike and its end; a
 * later copy's words more come from the first one's lead ("... unions
 * demand 6% rise" over "Unions demand a 6% rise"). Folding asks it of
 * titles told more than its detail window apart. Strings may be NULL
 * (then 0). */
#define TITLE_EXTRA_LATER 2
int title_extra_later(const char *atitle, const char *alead,
                      const char *btitle, const char *blead);
/* Whether two headlines are one headline under two kickers that name
 * something (one or two capitalised words before ": ", or the French
 * " : "), neither told by
 * either lead (the starts of the summaries): "Legnica: prezydent miasta
 * ... rezygnuje" and "Leszno: ..." over one sentence that names no town
 * are two towns' news; or, whatever else the headlines swap, each told
 * by its own lead alone, by its stem (its first word less its last three
 * letters, TITLE_KICKER_STEM or more left: "Przemyśl:" over "w Przemyślu
 * ...", "Kruszyniec:" over "dla Kruszyńca ..."). Letters compare as
 * matching reads them; strings may be NULL (then 0). */
#define TITLE_KICKER_MAX 96
#define TITLE_KICKER_STEM 4
int title_kickers_apart(const char *atitle, const char *alead,
                        const char *btitle, const char *blead);
/* Whether either title holds a word the other lacks that its own lead
 * holds and the other's does not (title_swap_told() asks it of both):
 * "pożarami lasów" over a lead of "pożarów lasów" against "lawinami".
 * Strings may be NULL (then 0). */
int title_swap_own(const char *atitle, const char *alead, const char *btitle,
                   const char *blead);

/* Whether the words swapped between two headlines are no two things by
 * their leads (the words of title_swap_told(), without the summaries
 * glued on), words on a side (title_swapped_few()): 1, a word for a
 * word, which is another thing when each lead holds its own
 * (title_swap_told()); 2, a phrase, another thing when either does
 * (title_swap_own(): "forest fires" for "avalanches"); 0, no word, but
 * one to three before ": ", " – " or " - " ("Blackout: 4 070 gospodarstw
 * …" and "Awaria prądu: 4 070 gospodarstw …", the words after it the
 * same, four or more; a kicker holds no figure, "Ep. 447 –"), read as a
 * phrase, else 0. A title only inflected ("nuevo director de la Cámara"
 * and "NUEVA DIRECCIÓN DE LA CÁMARA": the words it lacks are the other's
 * but for their endings) swaps no word whatever the leads say. Strings
 * may be NULL. */
int title_swap_untold(const char *atitle, const char *alead,
                      const char *btitle, const char *blead, int words);

/* Whether two outlets' own headlines a and b of one event share what
 * they tell: a word of three letters or more that one holds and the
 * other lacks is in the other's lead (alead, blead), one at least, seven
 * letters or more by its stem (title_cut_echoed()), or neither lacks a
 * word. "Blaze rips through Glenhallow historic pub" and "Fire Wrecks
 * Historic Pub in Glenhallow" do; a town's library and its swimming
 * pool share the town alone. Strings may be NULL (then 0). */
int title_words_retold(const char *a, const char *alead, const char *b,
                       const char *blead);
/* How many words of three letters or more, stopwords aside, headlines
 * a and b share that both leads hold in lower case, as no name is
 * written: the thing both tell ("historic" and "pub" in "Blaze rips
 * through Glenhallow historic pub" and "Fire Wrecks Historic Pub in
 * Glenhallow"). Strings may be NULL (then 0). */
size_t title_words_common(const char *a, const char *alead, const char *b,
                          const char *blead);
/* Whether the words of three letters or more that the first fulllen
 * bytes of full hold and the first cutlen of cut lack (a title cut short
 * with an ellipsis: what the cut left out) are all, one at least, in
 * cutlead, the cut copy's own lead: "Forscher der Universität Auenbruck
 * entwickeln…" over "Ein Team ... hat selbstheilenden Beton entwickelt"
 * is the "... selbstheilenden Beton" of the whole title; a word of seven
 * letters or more may end in two others there ("entwickelt" for a cut
 * "entwickeln"). Strings may be NULL (then 0). */
int title_cut_echoed(const char *cut, size_t cutlen, const char *cutlead,
                     const char *full, size_t fulllen);

/* Whether a and b each hold a member of a group (title_polarity()) that
 * the other lacks ("approves" and "rejects", "north" and "south"): two
 * stories. "north-east" against "north" opposes nothing. */
int title_opposed(const struct title_view *a, const struct title_view *b);

/* Whether a and b tell the same story by their titles at threshold t
 * (the rule is spelled out in title.c); symmetric. */
int title_same_story(const struct title_vocab *v, const struct title_view *a,
                     const struct title_view *b, double t);

/* Whether a and b hold the same words: neither holds a key or Japanese
 * word that the other lacks, nor more than swaps other words (stopwords
 * and word order aside), unless one is the other cut short or with a
 * summary glued on. A short title contained in a longer one is not the
 * longer one's story: "赤沢の天気" is not "【天気】赤沢 11月19日 みぞれ". */
int title_same_words(const struct title_vocab *v, const struct title_view *a,
                     const struct title_view *b, int swaps);

/* Whether each of a and b holds a word (no stopword) that the other
 * lacks, neither being the other cut short or with a summary glued on:
 * one word swapped for another, as a rewrite swaps a verb and another
 * event of one template its object. */
int title_swapped(const struct title_vocab *v, const struct title_view *a,
                  const struct title_view *b);
/* Whether a's folded text holds a Latin letter (a-z, A-Z). */
int title_latin(const struct title_view *a);

/* Whether a and b are Japanese titles (no Latin letter) that hold the
 * same keys and fold to the same text but for one piece each of one to
 * four kana or kanji, the rest at least half of a ("夕凪市大学、自己修復
 * コンクリートを考案" and "...を開発"); the pieces are copied into aw and
 * bw (size bytes each, NUL-ended). */
int title_cjk_swapped(const struct title_vocab *v, const struct title_view *a,
                      const struct title_view *b, char *aw, char *bw,
                      size_t size);

/* Whether two characters of Japanese word w (or its one) are in lead and
 * not in other's (NULL: no lead, or no other): "大麻栽培" against
 * "銅線窃盗" over a lead of "大麻を栽培". */
int title_cjk_told(const char *w, const char *lead, const char *other);

/* How many pairs of CJK characters side by side in title (each pair
 * once) lead holds: how much of a Chinese or Japanese headline a lead in
 * an outlet's own words tells again. 0 when lead is NULL. */
size_t title_cjk_echo(const char *title, const char *lead);

/* Whether a and b are title_swapped() by two words each at most and
 * otherwise hold the same words (title_same_words()): 1 when one word
 * each ("Fire destroys bakery in Mossgate" and "Fire guts bakery in
 * Mossgate"), 2 when two on a side ("resigns" and "steps down"), else 0.
 * A first word capitalised only as a sentence's is swapped as any word
 * ("Strike halts ..." and "Walkout halts ..."); other keys are not. */
int title_swapped_few(const struct title_vocab *v, const struct title_view *a,
                      const struct title_view *b);

/* Whether one of a and b announces a match's preview or live page
 * (title_polarity()'s kind of item) and the other, announcing neither,
 * holds a figure it lacks, or with names a key: "LIVE: Lovnas BK -
 * Alvsvik BoIS" is not "Lovnas BK-Alvsvik BoIS 2-3", the result, nor
 * "Lovnas BK sign Ulla Fagerlund from Alvsvik BoIS" told a day before;
 * where "LIVE:" labels a headline, a copy within hours may glue on its
 * summary's names. */
int title_result_apart(const struct title_view *a, const struct title_view *b,
                       int names);

/* Whether a and b read alike but for their figures, and a figure of one
 * is not the other's in its place: "南京地铁8号线5日起..." is not
 * "南京地铁5号线8日起...", though each holds the same figures. */
int title_figures_moved(const struct title_view *a, const struct title_view *b);

/* The titles' half of folding's second rule, for copies that share a
 * summary's lead: whether the titles share at least share of the lighter
 * one's words, and neither holds a key the other lacks while the other
 * holds one it lacks; nor, unless any_words, a Japanese word or a weak
 * key (a capitalised word of Title Case, a first word: over a lead
 * copied whole "Rückstau" may stand for "Stau"). */
int title_retold(const struct title_vocab *v, const struct title_view *a,
                 const struct title_view *b, double share, int any_words);

#endif
