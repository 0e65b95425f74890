package org.medmesh.patient.node;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.identity.Did;

/**
 * One access decision about one of the patient's DIDs, as the ledger recorded it ({@code GET /relay/access}). Codes
 * are kept as the ledger wrote them (a newer node may use codes this app does not know) but must look like codes,
 * and the event id like an id, so nothing a node sends reaches the terminal unchecked.
 *
 * @param eventId the holder's id for the event
 * @param time when the ledger recorded it, or null if the node did not say
 * @param requester the hospital that asked
 * @param holder the hospital that answered
 * @param patient the patient's pairwise DID the request was about
 * @param purpose the purpose-of-use code, e.g. {@code TREAT}
 * @param decision permit or deny
 * @param denyReason the coarse reason code of a deny, e.g. {@code NO_CONSENT}, else null
 * @param consent the consent a permit relied on, or null
 * @param breakGlass the emergency declared for a break-glass access, or null
 * @param count how many records were released
 * @param ledgerTx the ledger transaction that recorded the event
 */
public record AccessEvent(String eventId, Instant time, Did requester, Did holder, Did patient, String purpose,
        Decision decision, String denyReason, ConsentId consent, BreakGlass breakGlass, int count, String ledgerTx) {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

    public enum Decision {
        PERMIT,
        DENY
    }

    /**
     * An emergency access without the patient's consent.
     *
     * @param reasonCode the coded reason, e.g. {@code UNCONSCIOUS}
     * @param reasonHash SHA-256 hex of the clinician's words, which stay at the hospital that released the records
     */
    public record BreakGlass(String reasonCode, String reasonHash) {

        public BreakGlass {
            requireCode(reasonCode, "reasonCode");
            Objects.requireNonNull(reasonHash, "reasonHash");
        }
    }

    public AccessEvent {
        if (eventId == null || !ID.matcher(eventId).matches()) {
            throw new IllegalArgumentException("eventId is not an id");
        }
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(patient, "patient");
        requireCode(purpose, "purpose");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(ledgerTx, "ledgerTx");
        if (denyReason != null) {
            requireCode(denyReason, "denyReason");
        }
        if (!requester.isOrganization() || !holder.isOrganization() || !patient.isPatient()) {
            throw new IllegalArgumentException("hospitals by organisation DIDs, the patient by a patient DID");
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
    }

    public boolean permitted() {
        return decision == Decision.PERMIT;
    }

    /** True when the hospital at {@code hospital} asked or answered. */
    public boolean involves(Did hospital) {
        return requester.equals(hospital) || holder.equals(hospital);
    }

    private static void requireCode(String code, String name) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(name + " is not a code");
        }
    }
}
