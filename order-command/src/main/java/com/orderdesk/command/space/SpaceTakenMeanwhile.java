package com.orderdesk.command.space;

import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Another transaction took a place this one saw free, and committed first. A lost race like two nodes appending the
 * same event ({@link ConcurrencyException}): the command runs again — {@code ConcurrencyRetry}, or the keyed request's
 * retry (docs/adr/017) — sees the hour as it now is, and takes another place or answers {@code no-capacity}.
 */
public final class SpaceTakenMeanwhile extends ConcurrencyException {
    public SpaceTakenMeanwhile(Throwable cause) {
        super("A place of the hours asked for was taken meanwhile", cause);
    }
}
