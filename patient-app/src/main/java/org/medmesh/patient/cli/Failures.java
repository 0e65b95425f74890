package org.medmesh.patient.cli;

import java.nio.file.Path;
import java.util.Arrays;
import org.medmesh.chaincode.error.ErrorCode;
import org.medmesh.fhir.consent.ConsentMappingException;
import org.medmesh.patient.node.NodeException;
import org.medmesh.patient.wallet.WalletException;

/** The one line a failure prints: what happened, and what it means for the wallet. Never keys or stack traces. */
public final class Failures {

    private Failures() {}

    static String describe(RuntimeException e, Path walletFile) {
        if (e instanceof CliFailure) {
            return e.getMessage();
        }
        if (e instanceof WalletException wallet) {
            return wallet(wallet, walletFile);
        }
        if (e instanceof NodeException node) {
            return node(node);
        }
        if (e instanceof ConsentMappingException mapping) {
            return "this consent cannot be stated as a FHIR Consent (" + mapping.getMessage() + "): nothing was signed";
        }
        if (e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        return "unexpected failure (" + e.getClass().getSimpleName() + "): the wallet keeps the steps reported above";
    }

    public static String wallet(WalletException e, Path walletFile) {
        return switch (e.code()) {
            case WRONG_PASSPHRASE -> "wrong passphrase: the wallet was not changed";
            case DAMAGED -> "the wallet file " + walletFile + " is damaged or was altered: it was not changed; "
                    + "restore a backup with `patient restore --from FILE --wallet NEW-FILE`";
            case UNSUPPORTED_FORMAT -> "the wallet file " + walletFile
                    + " is not one this version of MedMesh reads: it was not changed";
            case NOT_FOUND -> "no wallet at " + walletFile + ": create one with `patient create` "
                    + "or restore a backup with `patient restore --from FILE`";
            case EXISTS -> "a file already exists there: nothing was replaced";
            case IO_FAILURE -> "the wallet file could not be read or written (disk full? permissions?): "
                    + "it is as it was before this step";
            case UNKNOWN_HOSPITAL -> "the wallet holds no identity for that hospital: enrol there first";
            case UNKNOWN_CONSENT -> "the wallet holds no such consent";
            case NOT_REGISTERED -> "your identity at that hospital is not on the ledger yet: enrol there first";
            case ROTATION_PENDING -> "a key rotation is pending: finish it with `patient rotate --node URL --resume`";
            case NO_PENDING_ROTATION -> "no key rotation is pending";
        };
    }

    public static String node(NodeException e) {
        return switch (e.reason()) {
            case UNREACHABLE -> "hospital unreachable at " + e.node()
                    + ": check the address and that its node is running; nothing was lost";
            case NO_ANSWER -> "no answer in time from the hospital at " + e.node()
                    + ": what was sent may or may not have been applied; nothing was lost";
            case REFUSED -> refusal(e);
            case BAD_RESPONSE -> "the hospital at " + e.node() + " answered in a way this app does not understand ("
                    + e.getMessage().substring(e.reason().name().length() + 2) + ")";
        };
    }

    private static String refusal(NodeException e) {
        String code = e.problemCode().orElse(null);
        String detail = e.detail().map(d -> ": " + d).orElse("");
        if (!e.isRefusal()) {
            return "the hospital's node failed (HTTP " + e.status() + (code == null ? "" : " " + code) + ")" + detail
                    + "; try again later";
        }
        String who = isLedgerCode(code) ? "the ledger refused" : "the hospital refused";
        return who + " (" + (code == null ? "HTTP " + e.status() : code) + ")" + detail;
    }

    static boolean isLedgerCode(String code) {
        return code != null && Arrays.stream(ErrorCode.values()).anyMatch(c -> c.name().equals(code));
    }
}
