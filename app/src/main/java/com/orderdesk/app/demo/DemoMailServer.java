package com.orderdesk.app.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The demo's own SMTP server (GreenMail, in this process), so a newcomer sees the guests' mails at
 * {@code /simulator/mail} with no set-up. It takes a free port at the first start and keeps it across
 * {@link #stop()} and {@link #start()} (the tests take it down to see mail wait and then arrive).
 */
public class DemoMailServer {
    private static final Logger log = LoggerFactory.getLogger(DemoMailServer.class);
    private final int configuredPort;
    private GreenMail greenMail;
    private int port;

    public DemoMailServer(int configuredPort) {
        this.configuredPort = configuredPort;
    }

    public synchronized void start() {
        if (greenMail != null) {
            return;
        }
        ServerSetup setup = new ServerSetup(port != 0 ? port : configuredPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        greenMail = new GreenMail(port == 0 && configuredPort == 0 ? setup.dynamicPort() : setup);
        greenMail.start();
        port = greenMail.getSmtp().getPort();
        log.info("Demo mail server (GreenMail) on smtp://127.0.0.1:{}; the mails are at /simulator/mail", port);
    }

    public synchronized void stop() {
        if (greenMail != null) {
            earlier.addAll(List.of(greenMail.getReceivedMessages()));
            greenMail.stop();
            greenMail = null;
        }
    }

    public synchronized int port() {
        return port;
    }

    public synchronized boolean running() {
        return greenMail != null;
    }

    /** Everything received since the first start (kept across stops), oldest first. */
    public synchronized List<MimeMessage> received() {
        List<MimeMessage> all = new java.util.ArrayList<>(earlier);
        if (greenMail != null) {
            all.addAll(List.of(greenMail.getReceivedMessages()));
        }
        return all;
    }

    /** What servers stopped earlier had received. */
    private final List<MimeMessage> earlier = new java.util.ArrayList<>();
}
