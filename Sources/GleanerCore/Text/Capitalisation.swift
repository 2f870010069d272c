extension String {
    /// Starts with a capital letter: how a name, a title's word or a sentence start looks.
    var isCapitalised: Bool { unicodeScalars.first?.isUpper == true }
}
