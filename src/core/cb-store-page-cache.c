/* cb-store-page-cache.c — the memory SQLite keeps database pages in
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SQLite allocates its page cache page by page with malloc(), and the first
 * write to each new 4 KB page costs the kernel a page fault.  An import
 * fills a cache of 32 MB (cb-store-batch.c): 2,000 articles made 10,800
 * faults, 7,300 of them for cache pages, and in a virtual machine a fault
 * costs tens of microseconds: 100-150 ms of a 1.1 s import.  Given one
 * mapping of its own, which the kernel may back with 2 MB pages (madvise:
 * the default setting of transparent huge pages on many systems), the cache
 * costs a fault per 2 MB.  The mapping is resident from the start (SQLite
 * links its slots into a free list): 45 MB, the window's peak at 100,000
 * articles went from 156 to 192 MB.  Pages beyond it come from malloc() as
 * before, and without huge pages SQLite keeps its own way.
 */
#include "config.h"

#include <string.h>
#include <sys/mman.h>
#include <sqlite3.h>

#include "cb-store-private.h"

/* The import's 32 MB of 4 KB pages, and room for the other connections'
 * smaller caches (the window's readers, the checkpointer). */
#define N_SLOTS 10240
#define HUGE_PAGE_SIZE (2u << 20)

/* Whether the kernel backs memory with 2 MB pages when asked (madvise) or
 * always.  SQLite writes a word into every slot of the mapping at once, so
 * in 4 KB pages it would cost all the faults up front, for every program. */
static gboolean
huge_pages_available (void)
{
  g_autofree char *setting = NULL;

  if (!g_file_get_contents ("/sys/kernel/mm/transparent_hugepage/enabled", &setting, NULL, NULL))
    return FALSE;
  return strstr (setting, "[always]") != NULL || strstr (setting, "[madvise]") != NULL;
}

void
_cb_store_setup_page_cache (void)
{
  int header = 0;
  gsize slot, length;
  char *mapping;
  char *start;

  if (!huge_pages_available ())
    return;
  if (sqlite3_config (SQLITE_CONFIG_PCACHE_HDRSZ, &header) != SQLITE_OK)
    return;
  slot = 4096 + (gsize) header;
  length = slot * N_SLOTS;

  /* One huge page more, to start on a huge page's boundary: the kernel
   * backs only whole, aligned 2 MB ranges with a huge page. */
  mapping = mmap (NULL, length + HUGE_PAGE_SIZE, PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapping == MAP_FAILED)
    return;
  start = (char *) (((guintptr) mapping + HUGE_PAGE_SIZE - 1) & ~(guintptr) (HUGE_PAGE_SIZE - 1));
#ifdef MADV_HUGEPAGE
  madvise (start, length, MADV_HUGEPAGE);
#endif

  /* Refused once SQLite is in use (then the cache stays as it was). */
  if (sqlite3_config (SQLITE_CONFIG_PAGECACHE, start, (int) slot, N_SLOTS) != SQLITE_OK)
    munmap (mapping, length + HUGE_PAGE_SIZE);
}
