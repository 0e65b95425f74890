/** What the ledger holds, as plain values: DIDs, consents, access events, receipts. No PHI is representable here. */
package org.medmesh.node.domain.ledger;
