fn main() {
    std::process::exit(norma::cli::main());
}
