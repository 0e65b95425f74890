/** Tests of the access-log contract on the embedded ledger. */
package org.medmesh.chaincode.accesslog;
