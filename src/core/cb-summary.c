/* cb-summary.c — what a printed case summary says, gathered from the store
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cb-summary.h"

struct _CbSummary
{
  GObject parent_instance;

  GDateTime *generated;
  char *generated_label;
  gboolean include_suggestions;
  GPtrArray *cases;           /* CbSummaryCase */
};

G_DEFINE_FINAL_TYPE (CbSummary, cb_summary, G_TYPE_OBJECT)

/* What one person is in a case; several can hold at once. */
enum
{
  ROLE_SUBJECT = 1 << 0,
  ROLE_QUOTED = 1 << 1,
  ROLE_NAMED = 1 << 2,
};

static void
summary_person_free (gpointer data)
{
  CbSummaryPerson *person = data;

  g_free (person->name);
  g_free (person->role);
  g_free (person);
}

static void
summary_event_free (gpointer data)
{
  CbSummaryEvent *event = data;

  g_free (event->date);
  g_free (event->description);
  g_array_unref (event->sources);
  g_free (event);
}

static void
summary_excerpt_free (gpointer data)
{
  CbSummaryExcerpt *excerpt = data;

  g_free (excerpt->text);
  g_free (excerpt->speaker);
  g_free (excerpt);
}

static void
summary_source_free (gpointer data)
{
  CbSummarySource *source = data;

  g_free (source->title);
  g_free (source->date);
  g_free (source->location);
  g_free (source);
}

static void
summary_case_free (gpointer data)
{
  CbSummaryCase *summary_case = data;

  g_free (summary_case->title);
  g_free (summary_case->subject);
  g_free (summary_case->status);
  g_free (summary_case->notes);
  g_ptr_array_unref (summary_case->people);
  g_ptr_array_unref (summary_case->events);
  g_ptr_array_unref (summary_case->excerpts);
  g_ptr_array_unref (summary_case->sources);
  g_free (summary_case);
}

/* Text as one paragraph: runs of white space (line breaks of the article
 * included) become one space. */
static char *
one_paragraph (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static char *
format_timex (const char *value)
{
  CbFuzzyDate date = { 0 };
  char *text = NULL;

  if (value != NULL && cb_fuzzy_date_set_value (&date, value))
    text = cb_fuzzy_date_format (&date);
  cb_fuzzy_date_clear (&date);

  return text;
}

/* The source number of @article_id in @summary_case, numbering it and
 * reading its title, date and location the first time it is cited. */
static guint
cite_article (CbSummaryCase  *summary_case,
              GHashTable     *numbers,
              CbStore        *store,
              gint64          article_id,
              GError        **error)
{
  g_autoptr(CbArticle) article = NULL;
  CbSummarySource *source;
  gpointer number;
  const char *location;

  if (g_hash_table_lookup_extended (numbers, &article_id, NULL, &number))
    return GPOINTER_TO_UINT (number);

  article = cb_store_get_article (store, article_id, error);
  if (article == NULL)
    return 0;

  source = g_new0 (CbSummarySource, 1);
  source->number = summary_case->sources->len + 1;
  source->title = one_paragraph (cb_article_get_title (article));
  source->date = format_timex (cb_article_get_published (article));
  location = cb_article_get_source (article);
  if (is_blank (location))
    location = cb_article_get_path (article);
  source->location = is_blank (location) ? NULL : one_paragraph (location);
  g_ptr_array_add (summary_case->sources, source);

  g_hash_table_insert (numbers, g_memdup2 (&article_id, sizeof article_id),
                       GUINT_TO_POINTER (source->number));
  return source->number;
}

static void
add_source_number (GArray *numbers,
                   guint   number)
{
  guint i;

  for (i = 0; i < numbers->len; i++)
    {
      guint n = g_array_index (numbers, guint, i);

      if (n == number)
        return;
      if (n > number)
        break;
    }
  g_array_insert_val (numbers, i, number);
}

/* TRUE when @name occurs in @text as a whole word (not inside a longer word). */
static gboolean
contains_word (const char *text,
               const char *name)
{
  gsize len = strlen (name);

  for (const char *p = strstr (text, name); p != NULL; p = strstr (p + 1, name))
    {
      gboolean start_ok = p == text
        || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p)));
      gboolean end_ok = p[len] == '\0' || !g_unichar_isalnum (g_utf8_get_char (p + len));

      if (start_ok && end_ok)
        return TRUE;
    }

  return FALSE;
}

static char *
format_roles (guint roles)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (roles & ROLE_SUBJECT)
    g_ptr_array_add (parts, (gpointer) _("Subject of the case"));
  if (roles & ROLE_QUOTED)
    g_ptr_array_add (parts, (gpointer) _("Quoted"));
  if ((roles & ROLE_NAMED) && !(roles & ROLE_SUBJECT))
    g_ptr_array_add (parts, (gpointer) _("Named in the record"));
  g_ptr_array_add (parts, NULL);

  /* Translators: separates the roles of one person: "Quoted; Named in the record" */
  return g_strjoinv (_("; "), (char **) parts->pdata);
}

/* The people of a case: its subject, who is quoted, and everyone whose name
 * (or an alias no one else shares) appears in what the summary prints. */
static gboolean
gather_people (CbSummaryCase  *summary_case,
               CbStore        *store,
               gint64          subject_id,
               GHashTable     *speakers,
               GError        **error)
{
  g_autoptr(GPtrArray) persons = NULL;
  g_autoptr(GHashTable) alias_owners = NULL;
  g_autoptr(GString) printed = g_string_new (NULL);
  g_autofree guint *roles = NULL;
  const gint64 no_owner = -1;

  persons = cb_store_list_persons (store, error);
  if (persons == NULL)
    return FALSE;

  for (guint i = 0; i < summary_case->events->len; i++)
    {
      CbSummaryEvent *event = g_ptr_array_index (summary_case->events, i);

      g_string_append (printed, event->description);
      g_string_append_c (printed, '\n');
    }
  for (guint i = 0; i < summary_case->excerpts->len; i++)
    {
      CbSummaryExcerpt *excerpt = g_ptr_array_index (summary_case->excerpts, i);

      g_string_append (printed, excerpt->text);
      g_string_append_c (printed, '\n');
    }

  /* An alias two people share ("Johnson") names neither of them for sure. */
  alias_owners = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < persons->len; i++)
    {
      CbPersonRecord *person = g_ptr_array_index (persons, i);
      const char * const *aliases = cb_person_record_get_aliases (person);

      for (guint a = 0; aliases != NULL && aliases[a] != NULL; a++)
        {
          gpointer owner = g_hash_table_lookup (alias_owners, aliases[a]);

          if (owner != NULL && owner != person)
            g_hash_table_insert (alias_owners, (gpointer) aliases[a], (gpointer) &no_owner);
          else
            g_hash_table_insert (alias_owners, (gpointer) aliases[a], person);
        }
    }

  roles = g_new0 (guint, persons->len);
  for (guint i = 0; i < persons->len; i++)
    {
      CbPersonRecord *person = g_ptr_array_index (persons, i);
      gint64 id = cb_person_record_get_id (person);
      const char * const *aliases = cb_person_record_get_aliases (person);

      if (id == subject_id)
        roles[i] |= ROLE_SUBJECT;
      if (g_hash_table_contains (speakers, &id))
        roles[i] |= ROLE_QUOTED;
      if (contains_word (printed->str, cb_person_record_get_name (person)))
        roles[i] |= ROLE_NAMED;
      for (guint a = 0; aliases != NULL && aliases[a] != NULL && !(roles[i] & ROLE_NAMED); a++)
        {
          /* Initials and short words match too much. */
          if (g_utf8_strlen (aliases[a], -1) >= 3
              && g_hash_table_lookup (alias_owners, aliases[a]) == person
              && contains_word (printed->str, aliases[a]))
            roles[i] |= ROLE_NAMED;
        }
    }

  /* The subject first, then everyone else by name (the store's order). */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < persons->len; i++)
      {
        CbPersonRecord *person = g_ptr_array_index (persons, i);
        CbSummaryPerson *row;

        if (roles[i] == 0 || ((roles[i] & ROLE_SUBJECT) != 0) != (pass == 0))
          continue;

        row = g_new0 (CbSummaryPerson, 1);
        row->name = one_paragraph (cb_person_record_get_name (person));
        row->role = format_roles (roles[i]);
        g_ptr_array_add (summary_case->people, row);
      }

  return TRUE;
}

static gboolean
review_included (CbSummary *self,
                 CbReview   review)
{
  return review == CB_REVIEW_ACCEPTED
    || (self->include_suggestions && review == CB_REVIEW_SUGGESTED);
}

/* ---- GObject ------------------------------------------------------------ */

static void
cb_summary_finalize (GObject *object)
{
  CbSummary *self = CB_SUMMARY (object);

  g_clear_pointer (&self->generated, g_date_time_unref);
  g_clear_pointer (&self->generated_label, g_free);
  g_clear_pointer (&self->cases, g_ptr_array_unref);

  G_OBJECT_CLASS (cb_summary_parent_class)->finalize (object);
}

static void
cb_summary_class_init (CbSummaryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cb_summary_finalize;
}

static void
cb_summary_init (CbSummary *self)
{
  self->cases = g_ptr_array_new_with_free_func (summary_case_free);
}

/* ---- public API ----------------------------------------------------------- */

CbSummary *
cb_summary_new (GDateTime *generated,
                gboolean   include_suggestions)
{
  CbSummary *self = g_object_new (CB_TYPE_SUMMARY, NULL);
  CbFuzzyDate today = { 0 };
  g_autofree char *day = NULL;
  GDate date;

  self->generated = generated != NULL ? g_date_time_ref (generated) : g_date_time_new_now_local ();
  self->include_suggestions = include_suggestions;

  /* The same words as the dates in the document. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (self->generated),
                  g_date_time_get_month (self->generated),
                  g_date_time_get_year (self->generated));
  today.precision = CB_PRECISION_DAY;
  today.earliest = today.latest = g_date_get_julian (&date);
  day = cb_fuzzy_date_format (&today);
  /* Translators: %s is a date such as "5 March 2026" */
  self->generated_label = g_strdup_printf (_("Generated on %s"), day);

  return self;
}

gboolean
cb_summary_add_case (CbSummary *self,
                     CbStore   *store,
                     gint64     case_id,
                     GError   **error)
{
  g_autoptr(CbCaseFile) case_file = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) excerpts = NULL;
  g_autoptr(GHashTable) numbers = NULL;       /* article id → source number */
  g_autoptr(GHashTable) included = NULL;      /* excerpt id → "accepted"/"suggested" */
  g_autoptr(GHashTable) cited = NULL;         /* excerpt ids any listed event rests on */
  g_autoptr(GHashTable) speakers = NULL;      /* person ids quoted */
  g_autoptr(GHashTable) descriptions = NULL;  /* printed event descriptions */
  CbSummaryCase *summary_case;

  g_return_val_if_fail (CB_IS_SUMMARY (self), FALSE);
  g_return_val_if_fail (CB_IS_STORE (store), FALSE);

  case_file = cb_store_get_case (store, case_id, error);
  if (case_file == NULL)
    return FALSE;
  events = cb_store_list_events (store, case_id, error);
  if (events == NULL)
    return FALSE;
  excerpts = cb_store_list_excerpts (store, case_id, 0, error);
  if (excerpts == NULL)
    return FALSE;

  summary_case = g_new0 (CbSummaryCase, 1);
  summary_case->title = one_paragraph (cb_case_file_get_title (case_file));
  if (!is_blank (cb_case_file_get_subject_name (case_file)))
    summary_case->subject = one_paragraph (cb_case_file_get_subject_name (case_file));
  summary_case->status = g_strdup (cb_case_status_to_label (cb_case_file_get_status (case_file)));
  if (!is_blank (cb_case_file_get_notes (case_file)))
    summary_case->notes = g_strstrip (g_strdup (cb_case_file_get_notes (case_file)));
  summary_case->suggested = cb_case_file_get_review (case_file) != CB_REVIEW_ACCEPTED;
  summary_case->people = g_ptr_array_new_with_free_func (summary_person_free);
  summary_case->events = g_ptr_array_new_with_free_func (summary_event_free);
  summary_case->excerpts = g_ptr_array_new_with_free_func (summary_excerpt_free);
  summary_case->sources = g_ptr_array_new_with_free_func (summary_source_free);
  /* Owned by self from here on, so every error path below frees it. */
  g_ptr_array_add (self->cases, summary_case);

  numbers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  included = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  cited = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  speakers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  descriptions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < events->len; i++)
    {
      CbEvent *event = g_ptr_array_index (events, i);
      CbReview review = cb_event_get_review (event);
      g_autoptr(GPtrArray) sources = NULL;
      CbSummaryEvent *row;

      sources = cb_store_list_excerpts (store, 0, cb_event_get_id (event), error);
      if (sources == NULL)
        goto failed;

      for (guint s = 0; s < sources->len; s++)
        {
          gint64 excerpt_id = cb_excerpt_get_id (g_ptr_array_index (sources, s));

          g_hash_table_add (cited, g_memdup2 (&excerpt_id, sizeof excerpt_id));
        }

      if (!review_included (self, review))
        continue;

      row = g_new0 (CbSummaryEvent, 1);
      row->date = cb_fuzzy_date_format (cb_event_get_date (event));
      row->description = one_paragraph (cb_event_get_description (event));
      row->sources = g_array_new (FALSE, FALSE, sizeof (guint));
      row->suggested = review != CB_REVIEW_ACCEPTED;
      g_ptr_array_add (summary_case->events, row);
      g_hash_table_add (descriptions, g_strdup (row->description));

      for (guint s = 0; s < sources->len; s++)
        {
          CbExcerpt *source = g_ptr_array_index (sources, s);
          gint64 excerpt_id = cb_excerpt_get_id (source);
          guint number;

          number = cite_article (summary_case, numbers, store,
                                 cb_excerpt_get_article_id (source), error);
          if (number == 0)
            goto failed;
          add_source_number (row->sources, number);

          /* An excerpt is accepted as soon as one accepted event rests on it. */
          if (review == CB_REVIEW_ACCEPTED || !g_hash_table_contains (included, &excerpt_id))
            g_hash_table_insert (included, g_memdup2 (&excerpt_id, sizeof excerpt_id),
                                 GINT_TO_POINTER (review));
        }
    }

  for (guint i = 0; i < excerpts->len; i++)
    {
      CbExcerpt *excerpt = g_ptr_array_index (excerpts, i);
      gint64 excerpt_id = cb_excerpt_get_id (excerpt);
      gint64 speaker_id = cb_excerpt_get_speaker_id (excerpt);
      gpointer review = NULL;
      CbSummaryExcerpt *row;
      g_autofree char *text = NULL;

      /* An excerpt the case's events rest on comes with them; a quote of the
       * subject that no event rests on is the subject's own words, which the
       * store lists with the case and has no review of its own. */
      if (g_hash_table_contains (cited, &excerpt_id)
          && !g_hash_table_lookup_extended (included, &excerpt_id, NULL, &review))
        continue;

      text = one_paragraph (cb_excerpt_get_text (excerpt));
      /* A passage that is word for word a row of the chronology says nothing new. */
      if (cb_excerpt_get_kind (excerpt) == CB_EXCERPT_PASSAGE
          && g_hash_table_contains (descriptions, text))
        continue;

      row = g_new0 (CbSummaryExcerpt, 1);
      row->text = g_steal_pointer (&text);
      if (!is_blank (cb_excerpt_get_speaker_name (excerpt)))
        row->speaker = one_paragraph (cb_excerpt_get_speaker_name (excerpt));
      row->quote = cb_excerpt_get_kind (excerpt) == CB_EXCERPT_QUOTE;
      row->suggested = review != NULL && GPOINTER_TO_INT (review) != CB_REVIEW_ACCEPTED;
      g_ptr_array_add (summary_case->excerpts, row);

      row->source = cite_article (summary_case, numbers, store,
                                  cb_excerpt_get_article_id (excerpt), error);
      if (row->source == 0)
        goto failed;
      if (speaker_id != 0)
        g_hash_table_add (speakers, g_memdup2 (&speaker_id, sizeof speaker_id));
    }

  if (!gather_people (summary_case, store, cb_case_file_get_subject_id (case_file),
                      speakers, error))
    goto failed;

  return TRUE;

failed:
  g_ptr_array_remove (self->cases, summary_case);
  return FALSE;
}

gboolean
cb_summary_add_all_cases (CbSummary *self,
                          CbStore   *store,
                          GError   **error)
{
  g_autoptr(GPtrArray) cases = NULL;
  guint added = 0;

  g_return_val_if_fail (CB_IS_SUMMARY (self), FALSE);
  g_return_val_if_fail (CB_IS_STORE (store), FALSE);

  cases = cb_store_list_cases (store, error);
  if (cases == NULL)
    return FALSE;

  for (guint i = 0; i < cases->len; i++)
    {
      CbCaseFile *case_file = g_ptr_array_index (cases, i);

      if (!review_included (self, cb_case_file_get_review (case_file)))
        continue;
      if (!cb_summary_add_case (self, store, cb_case_file_get_id (case_file), error))
        return FALSE;
      added++;
    }

  if (added == 0)
    {
      g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND,
                   self->include_suggestions
                   ? _("There are no case files to print.")
                   : _("No case file has been accepted yet; include suggestions to print the suggested ones."));
      return FALSE;
    }

  return TRUE;
}

guint
cb_summary_get_n_cases (CbSummary *self)
{
  g_return_val_if_fail (CB_IS_SUMMARY (self), 0);

  return self->cases->len;
}

const CbSummaryCase *
cb_summary_get_case (CbSummary *self,
                     guint      index)
{
  g_return_val_if_fail (CB_IS_SUMMARY (self), NULL);
  g_return_val_if_fail (index < self->cases->len, NULL);

  return g_ptr_array_index (self->cases, index);
}

gboolean
cb_summary_get_include_suggestions (CbSummary *self)
{
  g_return_val_if_fail (CB_IS_SUMMARY (self), FALSE);

  return self->include_suggestions;
}

const char *
cb_summary_get_generated_label (CbSummary *self)
{
  g_return_val_if_fail (CB_IS_SUMMARY (self), NULL);

  return self->generated_label;
}

gint64
cb_summary_find_case (CbStore    *store,
                      const char *id_or_title,
                      GError    **error)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autofree char *wanted = NULL;
  gint64 found = 0;
  guint matches = 0;
  guint64 id;

  g_return_val_if_fail (CB_IS_STORE (store), 0);
  g_return_val_if_fail (id_or_title != NULL, 0);

  if (g_ascii_string_to_unsigned (id_or_title, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_autoptr(CbCaseFile) case_file = cb_store_get_case (store, (gint64) id, error);

      return case_file != NULL ? (gint64) id : 0;
    }

  cases = cb_store_list_cases (store, error);
  if (cases == NULL)
    return 0;

  for (guint i = 0; i < cases->len && found == 0; i++)
    {
      CbCaseFile *case_file = g_ptr_array_index (cases, i);

      if (g_strcmp0 (cb_case_file_get_title (case_file), id_or_title) == 0)
        found = cb_case_file_get_id (case_file);
    }
  if (found != 0)
    return found;

  wanted = g_utf8_casefold (id_or_title, -1);
  for (guint i = 0; i < cases->len; i++)
    {
      CbCaseFile *case_file = g_ptr_array_index (cases, i);
      g_autofree char *title = g_utf8_casefold (cb_case_file_get_title (case_file), -1);

      if (g_strcmp0 (title, wanted) == 0)
        {
          found = cb_case_file_get_id (case_file);
          matches++;
        }
    }

  if (matches == 1)
    return found;

  if (matches > 1)
    g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND,
                 _("More than one case file is called “%s”; give its number (see “casebook-cli cases”)."),
                 id_or_title);
  else
    g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND,
                 _("There is no case file called “%s”."), id_or_title);
  return 0;
}
