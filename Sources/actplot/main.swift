// The program: parse the arguments, run the command, turn every failure into one line.
import ActplotCommand

Actplot.main()
