import Testing
@testable import ActivationPlot
