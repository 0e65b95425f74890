package org.medmesh.node.adapter.out.ledger;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medmesh.node.application.port.LedgerErrorCode;

/**
 * Reads the error code MedMesh's chaincode puts at the front of every refusal message ({@code "REVOKED: …"}):
 * a Fabric gateway passes on the chaincode's message but not its error payload.
 */
public final class ChaincodeRefusal {
    private static final Pattern CODED = Pattern.compile("\\b([A-Z][A-Z_]+): (.*)", Pattern.DOTALL);

    private ChaincodeRefusal() {}

    public static LedgerErrorCode codeOf(String message) {
        Matcher matcher = CODED.matcher(message == null ? "" : message);
        while (matcher.find()) {
            LedgerErrorCode code = LedgerErrorCode.fromChaincode(matcher.group(1));
            if (code != LedgerErrorCode.UNKNOWN) {
                return code;
            }
        }
        return LedgerErrorCode.UNKNOWN;
    }

    /** The message without its code prefix, for people. */
    public static String withoutCode(String message) {
        Matcher matcher = CODED.matcher(message == null ? "" : message);
        return matcher.find() && codeOf(message) != LedgerErrorCode.UNKNOWN ? matcher.group(2) : message;
    }
}
