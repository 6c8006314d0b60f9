import CourseSupport
import Foundation

/// The trusted implementation of min-char-rnn's math. Tests compute expected values with it;
/// the trainer runs it. Exercise modules cannot import this module (see Package.swift).
public enum Reference {}
