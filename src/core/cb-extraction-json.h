/* cb-extraction-json.h — the `casebook-cli extract` JSON
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include "extract/cb-extract.h"

G_BEGIN_DECLS

/* {"timex":[{"text","start","end","value","granularity","qualifier","anchor"}],
 *  "persons":[{"name","aliases":[...]}],
 *  "quotes":[{"text","start","end","speaker"}],
 *  "case_events":[{"subject","value","description","start","end","action"}]}
 * Offsets are the extraction's character offsets. */
JsonNode *cb_extraction_to_json (const CbExtraction *extraction);

G_END_DECLS
