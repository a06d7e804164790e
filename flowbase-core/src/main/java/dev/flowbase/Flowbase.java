package dev.flowbase;

public final class Flowbase {}
