#ifndef CSYNCHEALTHPROTO_H
#define CSYNCHEALTHPROTO_H
// Umbrella header for the protoc-c output of proto/ (regenerate with tools/generate-proto).
#include "synchealth/v1/connector.pb-c.h"
#include "synchealth/v1/health.pb-c.h"
#include "synchealth/v1/history.pb-c.h"
#include "synchealth/v1/ingest.pb-c.h"
#include "synchealth/v1/protocol.pb-c.h"
#include "synchealth/v1/retry.pb-c.h"
#include "synchealth/v1/sync.pb-c.h"
#include "synchealth/v1/alerts.pb-c.h"
#endif
