package com.orderdesk.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Lets slice tests of this module find a configuration; the real application lives in the app module. */
@SpringBootApplication
public class QueryTestApplication {
}
