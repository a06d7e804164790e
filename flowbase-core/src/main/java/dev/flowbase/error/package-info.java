/** The root exception and the error codes from which exit statuses and HTTP statuses derive. */
package dev.flowbase.error;
