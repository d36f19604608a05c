package io.github.exchangeblocks.examples.cluster;

import io.aeron.cluster.AllowBackupAndStandbyAuthorisationService;
import io.aeron.cluster.codecs.AdminRequestDecoder;
import io.aeron.cluster.codecs.AdminRequestType;
import io.aeron.cluster.codecs.MessageHeaderDecoder;
import io.aeron.security.AuthorisationService;

/**
 * What cluster clients may ask of the consensus module besides commands: Aeron's default (backup and standby
 * queries) plus "take a snapshot", so an operator's tool or a test can snapshot the cluster. Any client on the
 * cluster's ingress may do it: run the cluster where only trusted gateways reach it (here: loopback).
 */
enum SnapshotAdminAuthorisation implements AuthorisationService {
    INSTANCE;

    @Override
    public boolean isAuthorised(int protocolId, int actionId, Object type, byte[] encodedPrincipal) {
        if (protocolId == MessageHeaderDecoder.SCHEMA_ID && actionId == AdminRequestDecoder.TEMPLATE_ID) {
            return type == AdminRequestType.SNAPSHOT;
        }
        return AllowBackupAndStandbyAuthorisationService.INSTANCE.isAuthorised(protocolId, actionId, type,
                encodedPrincipal);
    }
}
