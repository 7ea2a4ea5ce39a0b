<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_PT">
<context>
    <name>Ncf::App</name>
    <message>
        <source>Desktop workbench for neural collaborative filtering on MovieLens.</source>
        <translation>Bancada de trabalho para filtragem colaborativa neuronal com o MovieLens.</translation>
    </message>
    <message>
        <source>Ratings file or folder to open.</source>
        <translation>Ficheiro ou pasta de classificações a abrir.</translation>
    </message>
    <message>
        <source>Open the generated demo dataset (a synthetic MovieLens 100K).</source>
        <translation>Abrir o conjunto de dados de demonstração gerado (um MovieLens 100K sintético).</translation>
    </message>
    <message>
        <source>After loading, save each tab as PNG into DIR and quit.</source>
        <translation>Após carregar, guardar cada separador como PNG em DIR e sair.</translation>
    </message>
</context>
<context>
    <name>Ncf::Cli</name>
    <message>
        <source>Loads a MovieLens ratings file (u.data, ratings.dat or ratings.csv, or a folder holding one) and prints its statistics.</source>
        <translation>Carrega um ficheiro de classificações do MovieLens (u.data, ratings.dat ou ratings.csv, ou uma pasta que contenha um) e mostra as suas estatísticas.</translation>
    </message>
    <message>
        <source>Ratings file or folder.</source>
        <translation>Ficheiro ou pasta de classificações.</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>Mostrar um único objeto JSON.</translation>
    </message>
    <message>
        <source>Skip bad lines and report them instead of stopping.</source>
        <translation>Ignorar as linhas inválidas e reportá-las em vez de parar.</translation>
    </message>
    <message>
        <source>expected one FILE</source>
        <translation>esperado um FILE</translation>
    </message>
    <message>
        <source>loading %1</source>
        <translation>a carregar %1</translation>
    </message>
    <message>
        <source>%1 (%2): %3 ratings loaded in %4 s
</source>
        <translation>%1 (%2): %3 classificações carregadas em %4 s
</translation>
    </message>
    <message>
        <source>skipped %1 bad lines; the first:
</source>
        <translation>ignoradas %1 linhas inválidas; a primeira:
</translation>
    </message>
    <message>
        <source>%1 duplicate (user, movie) pairs, e.g. %2
</source>
        <translation>%1 pares (utilizador, filme) duplicados, p. ex. %2
</translation>
    </message>
    <message>
        <source>Writes a synthetic dataset with the size, layout and shape of a MovieLens release (see the generator&apos;s model in README.md).</source>
        <translation>Escreve um conjunto de dados sintético com o tamanho, o formato e o perfil de uma versão do MovieLens (ver o modelo do gerador em README.md).</translation>
    </message>
    <message>
        <source>Release to imitate: 100k, 1m or 25m.</source>
        <translation>Versão a imitar: 100k, 1m ou 25m.</translation>
    </message>
    <message>
        <source>Output folder.</source>
        <translation>Pasta de saída.</translation>
    </message>
    <message>
        <source>Random seed.</source>
        <translation>Semente aleatória.</translation>
    </message>
    <message>
        <source>Override the number of users.</source>
        <translation>Substituir o número predefinido de utilizadores.</translation>
    </message>
    <message>
        <source>Override the number of movies.</source>
        <translation>Substituir o número predefinido de filmes.</translation>
    </message>
    <message>
        <source>Override the number of ratings.</source>
        <translation>Substituir o número predefinido de classificações.</translation>
    </message>
    <message>
        <source>--out DIR is required</source>
        <translation>--out DIR é obrigatório</translation>
    </message>
    <message>
        <source>--seed expects a non-negative integer</source>
        <translation>--seed espera um inteiro não negativo</translation>
    </message>
    <message>
        <source>--%1 expects a positive integer</source>
        <translation>--%1 espera um inteiro positivo</translation>
    </message>
    <message>
        <source>generating %1</source>
        <translation>a gerar %1</translation>
    </message>
    <message>
        <source>wrote %1: %2 ratings by %3 users of %4 movies (%5 shape, seed %6)
</source>
        <translation>escrito %1: %2 classificações de %3 utilizadores a %4 filmes (perfil %5, semente %6)
</translation>
    </message>
    <message>
        <source>Statistics of a ratings file (histogram, density, ratings per user and movie)</source>
        <translation>Estatísticas de um ficheiro de classificações (histograma, densidade, classificações por utilizador e por filme)</translation>
    </message>
    <message>
        <source>Write a synthetic MovieLens-shaped dataset</source>
        <translation>Escrever um conjunto de dados sintético com o perfil do MovieLens</translation>
    </message>
    <message>
        <source>Usage: ncf COMMAND [OPTIONS]

Commands:
</source>
        <translation>Utilização: ncf COMANDO [OPÇÕES]

Comandos:
</translation>
    </message>
    <message>
        <source>
Run &apos;ncf COMMAND --help&apos; for a command&apos;s options.
</source>
        <translation>
Execute &apos;ncf COMANDO --help&apos; para ver as opções de um comando.
</translation>
    </message>
    <message>
        <source>Writes the row numbers of a seeded random holdout as train.u32 and validation.u32 (little-endian uint32, rows counted from 0 in file order), the same split `ncf train` uses.</source>
        <translation>Escreve os números das linhas de uma divisão aleatória treino/validação com semente em train.u32 e validation.u32 (uint32 little-endian, linhas contadas a partir de 0 pela ordem do ficheiro), a mesma divisão que o `ncf train` usa.</translation>
    </message>
    <message>
        <source>Training share.</source>
        <translation>Proporção de treino.</translation>
    </message>
    <message>
        <source>--data FILE and --out DIR are required</source>
        <translation>--data FILE e --out DIR são obrigatórios</translation>
    </message>
    <message>
        <source>--split expects a fraction in (0, 1) and --seed a whole number</source>
        <translation>--split espera uma fração em (0, 1) e --seed um número inteiro</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1: não é possível criar a pasta</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: não é possível escrever: %2</translation>
    </message>
    <message>
        <source>Write the row numbers of a seeded holdout split</source>
        <translation>Escrever os números das linhas de uma divisão treino/validação com semente</translation>
    </message>
    <message>
        <source>Train a model on a holdout split and report each epoch</source>
        <translation>Treinar um modelo numa divisão treino/validação e reportar cada época</translation>
    </message>
    <message>
        <source>Predict a rating with a saved model</source>
        <translation>Prever uma classificação com um modelo guardado</translation>
    </message>
    <message>
        <source>Trains a model with Adam on MSE on a random holdout of a ratings file and reports each epoch.</source>
        <translation>Treina um modelo com Adam a minimizar o MSE numa divisão aleatória treino/validação de um ficheiro de classificações e reporta cada época.</translation>
    </message>
    <message>
        <source>nonlinear, autoencoder, vae, mf or mean.</source>
        <translation>nonlinear, autoencoder, vae, mf ou mean.</translation>
    </message>
    <message>
        <source>A hyperparameter as name=value (repeatable): embedding_dim, hidden, dropout, lr, weight_decay, batch_size, hidden_dim, latent_dim, start_beta, offset_beta, annealer, factors, reg, patience.</source>
        <translation>Um hiperparâmetro no formato nome=valor (repetível): embedding_dim, hidden, dropout, lr, weight_decay, batch_size, hidden_dim, latent_dim, start_beta, offset_beta, annealer, factors, reg, patience.</translation>
    </message>
    <message>
        <source>Most epochs to train.</source>
        <translation>Número máximo de épocas de treino.</translation>
    </message>
    <message>
        <source>Training share of the holdout.</source>
        <translation>Proporção da divisão treino/validação destinada ao treino.</translation>
    </message>
    <message>
        <source>Intra-op threads.</source>
        <translation>Número de threads intra-operação.</translation>
    </message>
    <message>
        <source>Save the trained model in this folder.</source>
        <translation>Guardar o modelo treinado nesta pasta.</translation>
    </message>
    <message>
        <source>Use dense Adam for the embeddings too (slower; for comparison).</source>
        <translation>Usar também Adam denso para os embeddings (mais lento; para comparação).</translation>
    </message>
    <message>
        <source>--data FILE is required</source>
        <translation>--data FILE é obrigatório</translation>
    </message>
    <message>
        <source>--epochs expects a positive whole number</source>
        <translation>--epochs espera um número inteiro positivo</translation>
    </message>
    <message>
        <source>--split expects a fraction between 0 and 1</source>
        <translation>--split espera uma fração entre 0 e 1</translation>
    </message>
    <message>
        <source>--seed expects a non-negative whole number</source>
        <translation>--seed espera um número inteiro não negativo</translation>
    </message>
    <message>
        <source>--threads expects a positive whole number</source>
        <translation>--threads espera um número inteiro positivo</translation>
    </message>
    <message>
        <source>%1: %2 training and %3 validation ratings, model %4
epoch  train_mse  val_mse    val_rmse  seconds
</source>
        <translation>%1: %2 classificações de treino e %3 de validação, modelo %4
epoch  train_mse  val_mse    val_rmse  seconds
</translation>
    </message>
    <message>
        <source>best epoch %1: validation RMSE %2 (%3 samples/s%4)
</source>
        <translation>melhor época %1: RMSE de validação %2 (%3 amostras/s%4)
</translation>
    </message>
    <message>
        <source>, cancelled</source>
        <translation>, cancelado</translation>
    </message>
    <message>
        <source>, stopped early</source>
        <translation>, parado antecipadamente</translation>
    </message>
    <message>
        <source>Predicts one rating with a saved model.</source>
        <translation>Prevê uma classificação com um modelo guardado.</translation>
    </message>
    <message>
        <source>Model folder (from ncf train --save).</source>
        <translation>Pasta do modelo (criada por ncf train --save).</translation>
    </message>
    <message>
        <source>Raw MovieLens user id.</source>
        <translation>Id original do utilizador no MovieLens.</translation>
    </message>
    <message>
        <source>Raw MovieLens movie id.</source>
        <translation>Id original do filme no MovieLens.</translation>
    </message>
    <message>
        <source>--model DIR, --user U and --movie M are required</source>
        <translation>--model DIR, --user U e --movie M são obrigatórios</translation>
    </message>
    <message>
        <source>--user and --movie expect non-negative whole numbers</source>
        <translation>--user e --movie esperam números inteiros não negativos</translation>
    </message>
    <message>
        <source> (cold start: unseen user or movie)</source>
        <translation> (arranque a frio: utilizador ou filme desconhecido)</translation>
    </message>
    <message>
        <source>Search hyperparameters (random or ASHA) into an experiment database</source>
        <translation>Pesquisar hiperparâmetros (random ou ASHA) e registá-los numa base de dados de experiências</translation>
    </message>
    <message>
        <source>Resume an interrupted search</source>
        <translation>Retomar uma pesquisa interrompida</translation>
    </message>
    <message>
        <source>trial %1: %2 after %3 epochs, best validation RMSE %4%5
</source>
        <translation>ensaio %1: %2 após %3 épocas, melhor RMSE de validação %4%5
</translation>
    </message>
    <message>
        <source>experiment %1: %2 completed, %3 stopped by the scheduler, %4 failed, %5 left for `ncf resume`
</source>
        <translation>experiência %1: %2 concluídos, %3 parados pelo escalonador, %4 falhados, %5 deixados para o `ncf resume`
</translation>
    </message>
    <message>
        <source>best: trial %1, validation RMSE %2, %3
</source>
        <translation>melhor: ensaio %1, RMSE de validação %2, %3
</translation>
    </message>
    <message>
        <source>Searches hyperparameters with random search or ASHA on a holdout split, recording every trial and epoch in an SQLite experiment database as they arrive.</source>
        <translation>Pesquisa hiperparâmetros com pesquisa aleatória ou ASHA numa divisão treino/validação, registando cada ensaio e cada época numa base de dados de experiências SQLite à medida que vão chegando.</translation>
    </message>
    <message>
        <source>nonlinear, autoencoder, vae or mf.</source>
        <translation>nonlinear, autoencoder, vae ou mf.</translation>
    </message>
    <message>
        <source>random or asha.</source>
        <translation>random ou asha.</translation>
    </message>
    <message>
        <source>Number of trials.</source>
        <translation>Número de ensaios.</translation>
    </message>
    <message>
        <source>Search space JSON file (default: the model&apos;s preset).</source>
        <translation>Ficheiro JSON do espaço de pesquisa (predefinição: o espaço predefinido do modelo).</translation>
    </message>
    <message>
        <source>Most epochs per trial (overrides the space&apos;s max_epochs, and ASHA&apos;s max_t).</source>
        <translation>Número máximo de épocas por ensaio (substitui o max_epochs do espaço de pesquisa e o max_t do ASHA).</translation>
    </message>
    <message>
        <source>Trials trained at once.</source>
        <translation>Número de ensaios treinados em simultâneo.</translation>
    </message>
    <message>
        <source>Intra-op threads per trial.</source>
        <translation>Número de threads intra-operação por ensaio.</translation>
    </message>
    <message>
        <source>ASHA grace period.</source>
        <translation>Período de tolerância do ASHA.</translation>
    </message>
    <message>
        <source>ASHA reduction factor.</source>
        <translation>Fator de redução do ASHA.</translation>
    </message>
    <message>
        <source>ASHA brackets.</source>
        <translation>Número de brackets do ASHA.</translation>
    </message>
    <message>
        <source>Experiment database (created if missing).</source>
        <translation>Base de dados de experiências (criada se não existir).</translation>
    </message>
    <message>
        <source>--data FILE and --db FILE are required</source>
        <translation>--data FILE e --db FILE são obrigatórios</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: não é possível ler: %2</translation>
    </message>
    <message>
        <source>%1: not valid JSON: %2</source>
        <translation>%1: não é JSON válido: %2</translation>
    </message>
    <message>
        <source>--algo expects random or asha</source>
        <translation>--algo espera random ou asha</translation>
    </message>
    <message>
        <source>--trials, --workers, --threads, --epochs, --grace and --brackets expect positive whole numbers</source>
        <translation>--trials, --workers, --threads, --epochs, --grace e --brackets esperam números inteiros positivos</translation>
    </message>
    <message>
        <source>Continues a search that was interrupted or cancelled: trials that were running are run again with their exact configuration, pending ones are started, and ASHA&apos;s rungs are restored from the database.</source>
        <translation>Continua uma pesquisa que foi interrompida ou cancelada: os ensaios que estavam em execução são executados de novo exatamente com a mesma configuração, os pendentes são iniciados e os degraus do ASHA são restaurados a partir da base de dados.</translation>
    </message>
    <message>
        <source>Experiment database.</source>
        <translation>Base de dados de experiências.</translation>
    </message>
    <message>
        <source>Experiment id (default: the latest unfinished search).</source>
        <translation>Id da experiência (predefinição: a pesquisa não terminada mais recente).</translation>
    </message>
    <message>
        <source>--db FILE is required</source>
        <translation>--db FILE é obrigatório</translation>
    </message>
    <message>
        <source>%1: no search experiment %2</source>
        <translation>%1: não existe a experiência de pesquisa %2</translation>
    </message>
    <message>
        <source>%1: no unfinished search to resume</source>
        <translation>%1: não há nenhuma pesquisa não terminada para retomar</translation>
    </message>
    <message>
        <source>Cross-validate the best configurations of a search</source>
        <translation>Fazer a validação cruzada das melhores configurações de uma pesquisa</translation>
    </message>
    <message>
        <source>Export the results table and every epoch</source>
        <translation>Exportar a tabela de resultados e todas as épocas</translation>
    </message>
    <message>
        <source>Cross-validates the best configurations of a search with k folds, recording every fold&apos;s epochs; a configuration&apos;s score is the lowest fold-averaged validation RMSE over epochs.</source>
        <translation>Faz a validação cruzada das melhores configurações de uma pesquisa com k partições, registando as épocas de cada partição; a pontuação de uma configuração é o menor RMSE de validação, em média sobre as partições, ao longo das épocas.</translation>
    </message>
    <message>
        <source>Search experiment id (default: the latest search).</source>
        <translation>Id da experiência de pesquisa (predefinição: a pesquisa mais recente).</translation>
    </message>
    <message>
        <source>Configurations to validate.</source>
        <translation>Número de configurações a validar.</translation>
    </message>
    <message>
        <source>Number of folds.</source>
        <translation>Número de partições.</translation>
    </message>
    <message>
        <source>Epochs per fold (default: the search&apos;s limit).</source>
        <translation>Número de épocas por partição (predefinição: o limite da pesquisa).</translation>
    </message>
    <message>
        <source>Folds trained at once.</source>
        <translation>Número de partições treinadas em simultâneo.</translation>
    </message>
    <message>
        <source>Intra-op threads per fold.</source>
        <translation>Número de threads intra-operação por partição.</translation>
    </message>
    <message>
        <source>Random seed of the folds.</source>
        <translation>Semente aleatória das partições.</translation>
    </message>
    <message>
        <source>--top, --folds, --epochs, --workers and --threads expect whole numbers</source>
        <translation>--top, --folds, --epochs, --workers e --threads esperam números inteiros</translation>
    </message>
    <message>
        <source>configuration %1: %2, CV RMSE %3 at epoch %4
</source>
        <translation>configuração %1: %2, RMSE de CV %3 na época %4
</translation>
    </message>
    <message>
        <source>Writes the results table of an experiment database (measured models and published baselines, marked as such) as results.csv, results.md or results.tex, and every epoch of every trial and fold as epochs.csv.</source>
        <translation>Escreve a tabela de resultados de uma base de dados de experiências (modelos medidos e referências publicadas, assinalados como tal) em results.csv, results.md ou results.tex, e todas as épocas de todos os ensaios e partições em epochs.csv.</translation>
    </message>
    <message>
        <source>csv, md or latex.</source>
        <translation>csv, md ou latex.</translation>
    </message>
    <message>
        <source>--db FILE and --out DIR are required</source>
        <translation>--db FILE e --out DIR são obrigatórios</translation>
    </message>
    <message>
        <source>%1 changed since experiment %2 used it (its SHA-256 differs); going on would mix results from two datasets</source>
        <translation>%1 mudou desde que a experiência %2 o usou (o seu SHA-256 é diferente); continuar misturaria resultados de dois conjuntos de dados</translation>
    </message>
    <message>
        <source>Runs the embedded Kafka broker (librdkafka&apos;s mock cluster) on loopback until Ctrl+C or SIGTERM. The first line of output is its bootstrap address, 127.0.0.1:PORT; the topic movielens exists with --partitions partitions, other topics are created on first use.</source>
        <translation>Corre o broker Kafka embutido (o cluster simulado do librdkafka) em loopback até Ctrl+C ou SIGTERM. A primeira linha da saída é o seu endereço de bootstrap, 127.0.0.1:PORT; o tópico movielens existe com --partitions partições, os outros tópicos são criados no primeiro uso.</translation>
    </message>
    <message>
        <source>Partitions of the movielens topic.</source>
        <translation>Partições do tópico movielens.</translation>
    </message>
    <message>
        <source>Brokers in the cluster.</source>
        <translation>Brokers no cluster.</translation>
    </message>
    <message>
        <source>--partitions and --brokers expect positive whole numbers</source>
        <translation>--partitions e --brokers esperam números inteiros positivos</translation>
    </message>
    <message>
        <source>Run the embedded Kafka broker on loopback</source>
        <translation>Correr o broker Kafka embutido em loopback</translation>
    </message>
    <message>
        <source>Replays the stream part of the continual-learning split of a ratings file into a Kafka topic, one JSON message per rating keyed by user id; a rerun continues where the last one stopped.</source>
        <translation>Reproduz a parte de fluxo da divisão para aprendizagem contínua de um ficheiro de classificações num tópico Kafka, uma mensagem JSON por classificação, com o id do utilizador como chave; uma nova execução continua onde a anterior parou.</translation>
    </message>
    <message>
        <source>Kafka bootstrap servers.</source>
        <translation>Servidores de bootstrap do Kafka.</translation>
    </message>
    <message>
        <source>Topic.</source>
        <translation>Tópico.</translation>
    </message>
    <message>
        <source>Messages per second, or max.</source>
        <translation>Mensagens por segundo, ou max.</translation>
    </message>
    <message>
        <source>Ratings in the initial training sample.</source>
        <translation>Número de classificações na amostra inicial de treino.</translation>
    </message>
    <message>
        <source>Share of the rest held out as the static test set.</source>
        <translation>Proporção do restante reservada como conjunto de teste estático.</translation>
    </message>
    <message>
        <source>Stream order: time or file.</source>
        <translation>Ordem do fluxo: time ou file.</translation>
    </message>
    <message>
        <source>Random seed of the split.</source>
        <translation>Semente aleatória da divisão.</translation>
    </message>
    <message>
        <source>A librdkafka setting as name=value (repeatable), e.g. security.protocol=SASL_SSL.</source>
        <translation>Uma definição do librdkafka no formato nome=valor (repetível), p. ex. security.protocol=SASL_SSL.</translation>
    </message>
    <message>
        <source>--data FILE and --brokers HOST:PORT are required</source>
        <translation>--data FILE e --brokers HOST:PORT são obrigatórios</translation>
    </message>
    <message>
        <source>producing to %1</source>
        <translation>a produzir para %1</translation>
    </message>
    <message>
        <source>%1: produced %2 of %3 stream ratings (%4 were already there, %5 failed) in %6 s
</source>
        <translation>%1: produzidas %2 de %3 classificações do fluxo (%4 já lá estavam, %5 falharam) em %6 s
</translation>
    </message>
    <message>
        <source>Replay the stream part of a ratings file into Kafka</source>
        <translation>Reproduzir a parte de fluxo de um ficheiro de classificações no Kafka</translation>
    </message>
    <message>
        <source>holdout: a random split of the whole file; continual: train on the continual-learning split&apos;s initial sample (holding out --split of it for validation) and report the RMSE on its static test set.</source>
        <translation>holdout: uma divisão aleatória de todo o ficheiro; continual: treinar com a amostra inicial da divisão para aprendizagem contínua (reservando --split dela para validação) e indicar o RMSE no seu conjunto de teste estático.</translation>
    </message>
    <message>
        <source>--protocol expects holdout or continual</source>
        <translation>--protocol espera holdout ou continual</translation>
    </message>
    <message>
        <source>--initial expects a whole number, --test-fraction a fraction and --order time or file</source>
        <translation>--initial espera um número inteiro, --test-fraction uma fração e --order time ou file</translation>
    </message>
    <message>
        <source>static test set: %1 ratings, RMSE %2
</source>
        <translation>conjunto de teste estático: %1 classificações, RMSE %2
</translation>
    </message>
    <message>
        <source>--rate expects a number or max</source>
        <translation>--rate espera um número ou max</translation>
    </message>
    <message>
        <source>Fine-tune a model continually from a Kafka topic</source>
        <translation>Afinar um modelo continuamente a partir de um tópico Kafka</translation>
    </message>
    <message>
        <source>Serve predictions over HTTP, following new checkpoints</source>
        <translation>Servir previsões por HTTP, acompanhando os novos pontos de controlo</translation>
    </message>
    <message>
        <source>Fine-tunes a model continually from a Kafka topic of ratings (as `ncf produce` writes them): buffers messages, fine-tunes on each full buffer, evaluates on the static test set and the initial training&apos;s holdout, and checkpoints the model with the consumed offsets. A restart continues from the latest checkpoint.</source>
        <translation>Afina um modelo continuamente a partir de um tópico Kafka de classificações (tal como o `ncf produce` as escreve): acumula as mensagens num buffer, afina o modelo com cada buffer cheio, avalia-o no conjunto de teste estático e na parte de validação reservada no treino inicial, e guarda um ponto de controlo do modelo com os offsets consumidos. Um reinício continua a partir do ponto de controlo mais recente.</translation>
    </message>
    <message>
        <source>Consumer group id.</source>
        <translation>Id do grupo de consumidores.</translation>
    </message>
    <message>
        <source>Join the consumer group and read the partitions it assigns (default: read every partition, offsets in the checkpoints).</source>
        <translation>Entrar no grupo de consumidores e ler as partições que este atribuir (predefinição: ler todas as partições, com os offsets guardados nos pontos de controlo).</translation>
    </message>
    <message>
        <source>The initially trained model (ncf train --protocol continual --save DIR).</source>
        <translation>O modelo treinado inicialmente (ncf train --protocol continual --save DIR).</translation>
    </message>
    <message>
        <source>The ratings file the model&apos;s continual split was made from.</source>
        <translation>O ficheiro de classificações a partir do qual foi feita a divisão para aprendizagem contínua do modelo.</translation>
    </message>
    <message>
        <source>Checkpoint folder (default MODEL/stream).</source>
        <translation>Pasta dos pontos de controlo (predefinição: MODEL/stream).</translation>
    </message>
    <message>
        <source>Fine-tune when this many ratings are buffered.</source>
        <translation>Afinar quando o buffer tiver este número de classificações.</translation>
    </message>
    <message>
        <source>Also fine-tune when this long has passed since the last step (10s, 500ms, 2m).</source>
        <translation>Afinar também quando tiver passado este tempo desde o último passo (10s, 500ms, 2m).</translation>
    </message>
    <message>
        <source>Fewest ratings a timed step fine-tunes on.</source>
        <translation>Número mínimo de classificações com que um passo acionado por tempo afina o modelo.</translation>
    </message>
    <message>
        <source>Share of each buffer held out for validation.</source>
        <translation>Proporção de cada buffer reservada para validação.</translation>
    </message>
    <message>
        <source>Fine-tuning epochs per step.</source>
        <translation>Número de épocas de afinação por passo.</translation>
    </message>
    <message>
        <source>Step checkpoints kept on disk.</source>
        <translation>Número de pontos de controlo de passos mantidos em disco.</translation>
    </message>
    <message>
        <source>Stop after this many steps (0: no limit).</source>
        <translation>Parar após este número de passos (0: sem limite).</translation>
    </message>
    <message>
        <source>Stop once the topic is read to its end (the rest of the buffer is applied first).</source>
        <translation>Parar assim que o tópico for lido até ao fim (o resto do buffer é aplicado primeiro).</translation>
    </message>
    <message>
        <source>Experiment database for the steps.</source>
        <translation>Base de dados de experiências para os passos.</translation>
    </message>
    <message>
        <source>Random seed of each step&apos;s split.</source>
        <translation>Semente aleatória da divisão de cada passo.</translation>
    </message>
    <message>
        <source>Print each step and the summary as JSON lines.</source>
        <translation>Mostrar cada passo e o resumo como linhas JSON.</translation>
    </message>
    <message>
        <source>--brokers HOST:PORT, --model DIR and --data FILE are required</source>
        <translation>--brokers HOST:PORT, --model DIR e --data FILE são obrigatórios</translation>
    </message>
    <message>
        <source>--buffer, --min-step, --epochs, --threads and --keep expect positive whole numbers, --max-steps and --seed non-negative ones</source>
        <translation>--buffer, --min-step, --epochs, --threads e --keep esperam números inteiros positivos, --max-steps e --seed números inteiros não negativos</translation>
    </message>
    <message>
        <source>--validation expects a fraction in [0, 1)</source>
        <translation>--validation espera uma fração em [0, 1)</translation>
    </message>
    <message>
        <source>step  ratings  new_users  new_movies  val_mse    test_mse   old_mse    test_rmse  seconds
</source>
        <translation>step  ratings  new_users  new_movies  val_mse    test_mse   old_mse    test_rmse  seconds
</translation>
    </message>
    <message>
        <source>broker lost: %1</source>
        <translation>broker perdido: %1</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>ligado</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>a ligar</translation>
    </message>
    <message>
        <source>%1 | buffer %2/%3 | %4 msg/s | lag %5 | %6</source>
        <translation>%1 | buffer %2/%3 | %4 msg/s | atraso %5 | %6</translation>
    </message>
    <message>
        <source>steps %1 to %2: %3 messages (%4 malformed, skipped), %5 ratings applied in %6 s; checkpoint %7
</source>
        <translation>passos %1 a %2: %3 mensagens (%4 mal formadas, ignoradas), %5 classificações aplicadas em %6 s; ponto de controlo %7
</translation>
    </message>
    <message>
        <source>Serves a model&apos;s predictions over HTTP: POST /predict {&quot;userId&quot;, &quot;movieId&quot;}, POST /predict/batch [...], GET /health. Follows the stream&apos;s checkpoints (MODEL/stream) and serves each new one as it appears.</source>
        <translation>Serve as previsões de um modelo por HTTP: POST /predict {&quot;userId&quot;, &quot;movieId&quot;}, POST /predict/batch [...], GET /health. Acompanha os pontos de controlo do fluxo (MODEL/stream) e serve cada novo ponto de controlo assim que aparece.</translation>
    </message>
    <message>
        <source>Model folder.</source>
        <translation>Pasta do modelo.</translation>
    </message>
    <message>
        <source>Checkpoint folder to follow (default MODEL/stream).</source>
        <translation>Pasta dos pontos de controlo a acompanhar (predefinição: MODEL/stream).</translation>
    </message>
    <message>
        <source>Address to listen on (loopback by default).</source>
        <translation>Endereço em que escutar (predefinição: loopback).</translation>
    </message>
    <message>
        <source>Port (0 picks a free one).</source>
        <translation>Porta (0 escolhe uma livre).</translation>
    </message>
    <message>
        <source>Largest request body in bytes.</source>
        <translation>Tamanho máximo do corpo de um pedido, em bytes.</translation>
    </message>
    <message>
        <source>Most pairs in one batch.</source>
        <translation>Número máximo de pares num lote.</translation>
    </message>
    <message>
        <source>--model DIR is required</source>
        <translation>--model DIR é obrigatório</translation>
    </message>
    <message>
        <source>--port expects 0 to 65535, --max-body and --max-batch positive whole numbers</source>
        <translation>--port espera um valor de 0 a 65535, --max-body e --max-batch números inteiros positivos</translation>
    </message>
    <message>
        <source>--host expects an IP address</source>
        <translation>--host espera um endereço IP</translation>
    </message>
    <message>
        <source>serving %1 (version %2)
</source>
        <translation>a servir %1 (versão %2)
</translation>
    </message>
    <message>
        <source>cannot create a pipe: %1</source>
        <translation>não é possível criar um pipe: %1</translation>
    </message>
    <message>
        <source>stopped after %1 requests
</source>
        <translation>parado após %1 pedidos
</translation>
    </message>
    <message>
        <source>With --until-end: stop only when nothing new came for this long (for a producer that is still writing).</source>
        <translation>Com --until-end: parar só quando nada de novo chegou durante este tempo (para um produtor que ainda está a escrever).</translation>
    </message>
    <message>
        <source>--trigger and --end-idle expect a duration such as 10s or 500ms</source>
        <translation>--trigger e --end-idle esperam uma duração como 10s ou 500ms</translation>
    </message>
    <message>
        <source>ncf: warning: %1 ratings were deleted by the topic&apos;s retention before they were read
</source>
        <translation>ncf: aviso: %1 classificações foram apagadas pela retenção do tópico antes de serem lidas
</translation>
    </message>
    <message>
        <source>Record the run in this experiment database as it goes (the Train tab shows it; holdout protocol).</source>
        <translation>Registar a execução nesta base de dados de experiências à medida que decorre (o separador Treino mostra-a; protocolo holdout).</translation>
    </message>
</context>
<context>
    <name>Ncf::Data</name>
    <message>
        <source>%1: not an id map (bad header)</source>
        <translation>%1: não é um mapa de ids (cabeçalho inválido)</translation>
    </message>
    <message>
        <source>%1: id map version %2 is not supported (expected %3)</source>
        <translation>%1: a versão %2 do mapa de ids não é suportada (esperada a %3)</translation>
    </message>
    <message>
        <source>%1: id map is truncated or has trailing bytes (%2 ids declared, %3 bytes of data)</source>
        <translation>%1: o mapa de ids está truncado ou tem bytes a mais no fim (%2 ids declarados, %3 bytes de dados)</translation>
    </message>
    <message>
        <source>%1: id map lists raw id %2 twice</source>
        <translation>%1: o mapa de ids contém o id original %2 duas vezes</translation>
    </message>
    <message>
        <source>user id</source>
        <translation>id do utilizador</translation>
    </message>
    <message>
        <source>movie id</source>
        <translation>id do filme</translation>
    </message>
    <message>
        <source>rating</source>
        <translation>classificação</translation>
    </message>
    <message>
        <source>timestamp</source>
        <translation>marca temporal</translation>
    </message>
    <message>
        <source>too many fields: expected 4 (user id, movie id, rating, timestamp)</source>
        <translation>demasiados campos: esperados 4 (id do utilizador, id do filme, classificação, marca temporal)</translation>
    </message>
    <message>
        <source>unexpected text after the timestamp: &apos;%1&apos;</source>
        <translation>texto inesperado após a marca temporal: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>missing field %1 (%2): expected 4 fields separated by &apos;%3&apos;</source>
        <translation>falta o campo %1 (%2): esperados 4 campos separados por &apos;%3&apos;</translation>
    </message>
    <message>
        <source>%1 %2 does not fit in 32 bits (the largest is 4294967295)</source>
        <translation>%1 %2 não cabe em 32 bits (o máximo é 4294967295)</translation>
    </message>
    <message>
        <source>%1 must not be negative, found &apos;%2&apos;</source>
        <translation>%1: não são permitidos valores negativos, encontrado &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1: expected a whole number, found &apos;%2&apos;</source>
        <translation>%1: esperado um número inteiro, encontrado &apos;%2&apos;</translation>
    </message>
    <message>
        <source>wrong or mixed delimiter after the %1: expected &apos;%2&apos; as everywhere in a %3 file, found &apos;%4&apos;</source>
        <translation>delimitador errado ou misto após o campo %1: esperado &apos;%2&apos;, como em todo o ficheiro %3, encontrado &apos;%4&apos;</translation>
    </message>
    <message>
        <source>rating is NaN: expected a number from %1 to %2</source>
        <translation>a classificação é NaN: esperado um número de %1 a %2</translation>
    </message>
    <message>
        <source>rating: expected a number such as 4 or 3.5, found &apos;%1&apos;</source>
        <translation>classificação: esperado um número como 4 ou 3.5, encontrado &apos;%1&apos;</translation>
    </message>
    <message>
        <source>rating %1 is outside the %2 scale %3 to %4</source>
        <translation>a classificação %1 está fora da escala de %2, de %3 a %4</translation>
    </message>
    <message>
        <source>rating %1 is not a whole number of stars, as %2 files use</source>
        <translation>a classificação %1 não é um número inteiro de estrelas, como usam os ficheiros %2</translation>
    </message>
    <message>
        <source>rating %1 is not a multiple of 0.5 stars</source>
        <translation>a classificação %1 não é um múltiplo de meia estrela</translation>
    </message>
    <message>
        <source>expected a MovieLens ratings file: u.data (tab-separated), ratings.dat (&apos;::&apos;-separated) or ratings.csv (header &apos;%1&apos;)</source>
        <translation>esperado um ficheiro de classificações do MovieLens: u.data (separado por tabulações), ratings.dat (separado por &apos;::&apos;) ou ratings.csv (cabeçalho &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>%1: unknown layout: the first line &apos;%2&apos; is not a ratings header; %3</source>
        <translation>%1: formato desconhecido: a primeira linha &apos;%2&apos; não é um cabeçalho de classificações; %3</translation>
    </message>
    <message>
        <source>%1: unknown layout: comma-separated ratings need the header &apos;%2&apos; on the first line</source>
        <translation>%1: formato desconhecido: as classificações separadas por vírgulas precisam do cabeçalho &apos;%2&apos; na primeira linha</translation>
    </message>
    <message>
        <source>%1: unknown layout: no delimiter found in &apos;%2&apos;; %3</source>
        <translation>%1: formato desconhecido: nenhum delimitador encontrado em &apos;%2&apos;; %3</translation>
    </message>
    <message>
        <source>user %1, movie %2</source>
        <translation>utilizador %1, filme %2</translation>
    </message>
    <message>
        <source>%1: loading cancelled</source>
        <translation>%1: carregamento cancelado</translation>
    </message>
    <message>
        <source>%1: no valid ratings: all %2 data lines are bad; the first: %3</source>
        <translation>%1: nenhuma classificação válida: todas as %2 linhas de dados são inválidas; a primeira: %3</translation>
    </message>
    <message>
        <source>%1: the file has a header but no ratings</source>
        <translation>%1: o ficheiro tem cabeçalho, mas não tem classificações</translation>
    </message>
    <message>
        <source>%1: no such file or folder</source>
        <translation>%1: o ficheiro ou pasta não existe</translation>
    </message>
    <message>
        <source>%1: the folder holds no MovieLens ratings file (looked for ratings.csv, ratings.dat and u.data)</source>
        <translation>%1: a pasta não contém nenhum ficheiro de classificações do MovieLens (procurados ratings.csv, ratings.dat e u.data)</translation>
    </message>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1: não é possível abrir: %2</translation>
    </message>
    <message>
        <source>%1: the file is empty</source>
        <translation>%1: o ficheiro está vazio</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: não é possível ler: %2</translation>
    </message>
    <message>
        <source>scaler: expected {&quot;kind&quot;: &quot;minmax&quot;, &quot;min&quot;: number, &quot;max&quot;: number}</source>
        <translation>normalizador: esperado {&quot;kind&quot;: &quot;minmax&quot;, &quot;min&quot;: número, &quot;max&quot;: número}</translation>
    </message>
    <message>
        <source>scaler: min %1 is above max %2</source>
        <translation>normalizador: o &quot;min&quot; %1 é superior ao &quot;max&quot; %2</translation>
    </message>
    <message>
        <source>the initial training sample of %1 ratings must be positive and smaller than the %2 ratings in %3</source>
        <translation>a amostra de treino inicial de %1 classificações tem de ser positiva e inferior às %2 classificações de %3</translation>
    </message>
    <message>
        <source>the test fraction %1 must be in [0, 1)</source>
        <translation>a fração de teste %1 tem de estar em [0, 1)</translation>
    </message>
    <message>
        <source>unknown shape &apos;%1&apos;: expected 100k, 1m or 25m</source>
        <translation>perfil desconhecido &apos;%1&apos;: esperado 100k, 1m ou 25m</translation>
    </message>
    <message>
        <source>synthetic shape %1: %2 ratings cannot be spread over %3 users (at least %4 each) and %5 movies</source>
        <translation>perfil sintético %1: não é possível distribuir %2 classificações por %3 utilizadores (pelo menos %4 cada um) e %5 filmes</translation>
    </message>
    <message>
        <source>generating %1: cancelled</source>
        <translation>geração de %1: cancelada</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: não é possível escrever: %2</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1: não é possível criar a pasta</translation>
    </message>
</context>
<context>
    <name>Ncf::Models</name>
    <message>
        <source>parameter %1: expected a number, found &apos;%2&apos;</source>
        <translation>parâmetro %1: esperado um número, encontrado &apos;%2&apos;</translation>
    </message>
    <message>
        <source>parameter %1: %2 is outside [%3, %4]</source>
        <translation>parâmetro %1: %2 está fora de [%3, %4]</translation>
    </message>
    <message>
        <source>parameter %1: expected a whole number, found &apos;%2&apos;</source>
        <translation>parâmetro %1: esperado um número inteiro, encontrado &apos;%2&apos;</translation>
    </message>
    <message>
        <source>unknown model &apos;%1&apos;: expected nonlinear, autoencoder, vae, mf or mean</source>
        <translation>modelo desconhecido &apos;%1&apos;: esperado nonlinear, autoencoder, vae, mf ou mean</translation>
    </message>
    <message>
        <source>unknown annealer &apos;%1&apos;: expected linear, exponential, cosine, constant or zero</source>
        <translation>annealer desconhecido &apos;%1&apos;: esperado linear, exponential, cosine, constant ou zero</translation>
    </message>
    <message>
        <source>parameter hidden: expected comma-separated layer widths such as 256,64</source>
        <translation>parâmetro hidden: esperadas larguras de camada separadas por vírgulas, como 256,64</translation>
    </message>
    <message>
        <source>unknown parameter &apos;%1&apos;</source>
        <translation>parâmetro desconhecido &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected name=value, found &apos;%1&apos;</source>
        <translation>esperado nome=valor, encontrado &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: não é possível ler: %2</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: não é possível escrever: %2</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1: não é possível criar a pasta</translation>
    </message>
    <message>
        <source>%1: cannot save the model: %2</source>
        <translation>%1: não é possível guardar o modelo: %2</translation>
    </message>
    <message>
        <source>checkpoint %1: %2</source>
        <translation>ponto de controlo %1: %2</translation>
    </message>
    <message>
        <source>no model.json (is this a model folder?)</source>
        <translation>falta o model.json (é uma pasta de modelo?)</translation>
    </message>
    <message>
        <source>model.json is not valid JSON: %1</source>
        <translation>o model.json não é JSON válido: %1</translation>
    </message>
    <message>
        <source>model.json is not an NCF Workbench model</source>
        <translation>o model.json não é um modelo do NCF Workbench</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>falta o ficheiro %1</translation>
    </message>
    <message>
        <source>%1 is truncated or corrupt (its checksum does not match model.json)</source>
        <translation>%1 está truncado ou corrompido (a soma de verificação não corresponde ao model.json)</translation>
    </message>
    <message>
        <source>the id maps do not match the table sizes in model.json</source>
        <translation>os mapas de ids não correspondem aos tamanhos das tabelas no model.json</translation>
    </message>
    <message>
        <source>no training ratings</source>
        <translation>nenhuma classificação de treino</translation>
    </message>
    <message>
        <source>training failed: %1</source>
        <translation>o treino falhou: %1</translation>
    </message>
    <message>
        <source>cannot load the model engine (libncf_models.so): %1</source>
        <translation>não é possível carregar o motor de modelos (libncf_models.so): %1</translation>
    </message>
    <message>
        <source>this model was not made by the LibTorch engine</source>
        <translation>este modelo não foi criado pelo motor LibTorch</translation>
    </message>
    <message>
        <source>fine-tuning failed: %1</source>
        <translation>a afinação falhou: %1</translation>
    </message>
    <message>
        <source>format version %1 is not supported (expected 1 to %2)</source>
        <translation>a versão de formato %1 não é suportada (esperada de 1 a %2)</translation>
    </message>
</context>
<context>
    <name>Ncf::Report</name>
    <message>
        <source>unknown table format &apos;%1&apos;: expected csv, md or latex</source>
        <translation>formato de tabela desconhecido &apos;%1&apos;: esperado csv, md ou latex</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: não é possível escrever: %2</translation>
    </message>
    <message>
        <source>Validation RMSE by model</source>
        <translation>RMSE de validação por modelo</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Configuração</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Dados</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <source>RMSE</source>
        <translation>RMSE</translation>
    </message>
    <message>
        <source>Std</source>
        <translation>Desvio-padrão</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>holdout, best of %1 trials (%2)</source>
        <translation>divisão treino/validação, melhor de %1 ensaios (%2)</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>medido</translation>
    </message>
    <message>
        <source>%1-fold CV, epoch %2</source>
        <translation>CV com %1 partições, época %2</translation>
    </message>
    <message>
        <source>published</source>
        <translation>publicado</translation>
    </message>
    <message>
        <source>Rows marked &quot;published&quot; are figures quoted from %1, not measured here.</source>
        <translation>As linhas marcadas como &quot;publicado&quot; são valores citados de %1, não medidos aqui.</translation>
    </message>
    <message>
        <source>Every epoch</source>
        <translation>Todas as épocas</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1: não é possível criar a pasta</translation>
    </message>
    <message>
        <source>holdout, training run, epoch %1</source>
        <translation>holdout, execução de treino, época %1</translation>
    </message>
</context>
<context>
    <name>Ncf::Search</name>
    <message>
        <source>ASHA: mode must be &quot;min&quot; or &quot;max&quot;, not &quot;%1&quot;</source>
        <translation>ASHA: o modo tem de ser &quot;min&quot; ou &quot;max&quot;, não &quot;%1&quot;</translation>
    </message>
    <message>
        <source>ASHA: max_t must be positive, not %1</source>
        <translation>ASHA: max_t tem de ser positivo, não %1</translation>
    </message>
    <message>
        <source>ASHA: grace_period must be in 1..max_t (%1), not %2</source>
        <translation>ASHA: grace_period tem de estar em 1..max_t (%1), não %2</translation>
    </message>
    <message>
        <source>ASHA: reduction_factor must be above 1, not %1</source>
        <translation>ASHA: reduction_factor tem de ser superior a 1, não %1</translation>
    </message>
    <message>
        <source>ASHA: brackets must be positive, not %1</source>
        <translation>ASHA: brackets tem de ser positivo, não %1</translation>
    </message>
    <message>
        <source>ASHA state: %1 brackets saved, the settings give %2</source>
        <translation>estado do ASHA: %1 brackets guardados, as definições dão %2</translation>
    </message>
    <message>
        <source>ASHA state: bracket %1 has %2 rungs saved, the settings give %3</source>
        <translation>estado do ASHA: o bracket %1 tem %2 degraus guardados, as definições dão %3</translation>
    </message>
    <message>
        <source>search space: %1</source>
        <translation>espaço de pesquisa: %1</translation>
    </message>
    <message>
        <source>search space: max_epochs must be positive</source>
        <translation>espaço de pesquisa: max_epochs tem de ser positivo</translation>
    </message>
    <message>
        <source>search space: parameter %1: %2</source>
        <translation>espaço de pesquisa: parâmetro %1: %2</translation>
    </message>
    <message>
        <source>a choice needs at least one value</source>
        <translation>uma escolha precisa de pelo menos um valor</translation>
    </message>
    <message>
        <source>a range needs numeric &quot;low&quot; and &quot;high&quot;</source>
        <translation>um intervalo precisa de &quot;low&quot; e &quot;high&quot; numéricos</translation>
    </message>
    <message>
        <source>low %1 must be below high %2</source>
        <translation>low %1 tem de ser inferior a high %2</translation>
    </message>
    <message>
        <source>a log-uniform range needs low &gt; 0</source>
        <translation>um intervalo log-uniforme precisa de low &gt; 0</translation>
    </message>
    <message>
        <source>unknown type &apos;%1&apos;: expected choice, uniform or loguniform</source>
        <translation>tipo desconhecido &apos;%1&apos;: esperado choice, uniform ou loguniform</translation>
    </message>
    <message>
        <source>unknown search algorithm &apos;%1&apos;: expected random or asha</source>
        <translation>algoritmo de pesquisa desconhecido &apos;%1&apos;: esperado random ou asha</translation>
    </message>
    <message>
        <source>a search needs at least one trial</source>
        <translation>uma pesquisa precisa de pelo menos um ensaio</translation>
    </message>
    <message>
        <source>cross-validation needs at least 2 folds and 1 configuration</source>
        <translation>a validação cruzada precisa de pelo menos 2 partições e 1 configuração</translation>
    </message>
    <message>
        <source>experiment %1 has no finished trial to validate</source>
        <translation>a experiência %1 não tem nenhum ensaio terminado para validar</translation>
    </message>
</context>
<context>
    <name>Ncf::Serve</name>
    <message>
        <source>expected a JSON object with userId and movieId</source>
        <translation>esperado um objeto JSON com userId e movieId</translation>
    </message>
    <message>
        <source>missing field &quot;%1&quot;</source>
        <translation>falta o campo &quot;%1&quot;</translation>
    </message>
    <message>
        <source>userId and movieId must be whole numbers from 0 to 4294967295</source>
        <translation>userId e movieId têm de ser números inteiros de 0 a 4294967295</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2 (in use, or not allowed)</source>
        <translation>não é possível escutar em %1:%2 (em uso ou não permitido)</translation>
    </message>
    <message>
        <source>serving %1 (version %2) on http://%3:%4</source>
        <translation>a servir %1 (versão %2) em http://%3:%4</translation>
    </message>
    <message>
        <source>request body over %1 bytes</source>
        <translation>corpo do pedido com mais de %1 bytes</translation>
    </message>
    <message>
        <source>malformed JSON: %1 at byte %2</source>
        <translation>JSON mal formado: %1 no byte %2</translation>
    </message>
    <message>
        <source>expected a JSON array of {&quot;userId&quot;, &quot;movieId&quot;} objects, or {&quot;requests&quot;: [...]}</source>
        <translation>esperado um array JSON de objetos {&quot;userId&quot;, &quot;movieId&quot;}, ou {&quot;requests&quot;: [...]}</translation>
    </message>
    <message>
        <source>batch of %1 over the limit of %2</source>
        <translation>lote de %1 acima do limite de %2</translation>
    </message>
    <message>
        <source>item %1: %2</source>
        <translation>elemento %1: %2</translation>
    </message>
</context>
<context>
    <name>Ncf::Stats</name>
    <message>
        <source>Dataset overview</source>
        <translation>Visão geral do conjunto de dados</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Medida</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Classificações</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilizadores</translation>
    </message>
    <message>
        <source>Movies</source>
        <translation>Filmes</translation>
    </message>
    <message>
        <source>Mean rating</source>
        <translation>Classificação média</translation>
    </message>
    <message>
        <source>Density (%)</source>
        <translation>Densidade (%)</translation>
    </message>
    <message>
        <source>Ratings per user and per movie</source>
        <translation>Classificações por utilizador e por filme</translation>
    </message>
    <message>
        <source>Statistic</source>
        <translation>Estatística</translation>
    </message>
    <message>
        <source>User count</source>
        <translation>Contagem por utilizador</translation>
    </message>
    <message>
        <source>Movie count</source>
        <translation>Contagem por filme</translation>
    </message>
    <message>
        <source>count</source>
        <translation>contagem</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>média</translation>
    </message>
    <message>
        <source>std</source>
        <translation>desvio-padrão</translation>
    </message>
    <message>
        <source>min</source>
        <translation>mín.</translation>
    </message>
    <message>
        <source>25%</source>
        <translation>25%</translation>
    </message>
    <message>
        <source>50%</source>
        <translation>50%</translation>
    </message>
    <message>
        <source>75%</source>
        <translation>75%</translation>
    </message>
    <message>
        <source>max</source>
        <translation>máx.</translation>
    </message>
    <message>
        <source>Rating histogram</source>
        <translation>Histograma das classificações</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Classificação</translation>
    </message>
    <message>
        <source>Share (%)</source>
        <translation>Proporção (%)</translation>
    </message>
</context>
<context>
    <name>Ncf::Storage</name>
    <message>
        <source>unknown trial status &apos;%1&apos;</source>
        <translation>estado de ensaio desconhecido &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: cannot open the experiment database: %2</source>
        <translation>%1: não é possível abrir a base de dados de experiências: %2</translation>
    </message>
    <message>
        <source>%1 is not an experiment database: %2</source>
        <translation>%1 não é uma base de dados de experiências: %2</translation>
    </message>
    <message>
        <source>%1: schema version %2 is newer than this workbench understands (%3)</source>
        <translation>%1: a versão %2 do esquema é mais recente do que esta bancada entende (%3)</translation>
    </message>
    <message>
        <source>%1 holds other tables and no experiment schema</source>
        <translation>%1 contém outras tabelas e nenhum esquema de experiências</translation>
    </message>
    <message>
        <source>%1: no experiment %2</source>
        <translation>%1: não existe a experiência %2</translation>
    </message>
    <message>
        <source>%1: no dataset %2</source>
        <translation>%1: não existe o conjunto de dados %2</translation>
    </message>
    <message>
        <source>%1: experiment %2 is running in another process</source>
        <translation>%1: a experiência %2 está a correr noutro processo</translation>
    </message>
    <message>
        <source>%1: a reference between experiment tables is broken (table %2)</source>
        <translation>%1: uma referência entre tabelas de experiências está quebrada (tabela %2)</translation>
    </message>
    <message>
        <source>%1: experiment %2 is a %3 experiment, not a train run</source>
        <translation>%1: a experiência %2 é uma experiência do tipo %3, não uma execução de treino</translation>
    </message>
    <message>
        <source>%1: train run %2 has no trial</source>
        <translation>%1: a execução de treino %2 não tem nenhum ensaio</translation>
    </message>
</context>
<context>
    <name>Ncf::Stream</name>
    <message>
        <source>cannot start the embedded Kafka broker: %1</source>
        <translation>não é possível iniciar o broker Kafka embutido: %1</translation>
    </message>
    <message>
        <source>cannot start the embedded Kafka broker (mock cluster)</source>
        <translation>não é possível iniciar o broker Kafka embutido (cluster simulado)</translation>
    </message>
    <message>
        <source>embedded broker: cannot create topic %1: %2</source>
        <translation>broker embutido: não é possível criar o tópico %1: %2</translation>
    </message>
    <message>
        <source>cannot read the metadata of topic %1: %2</source>
        <translation>não é possível ler os metadados do tópico %1: %2</translation>
    </message>
    <message>
        <source>Kafka setting %1: %2</source>
        <translation>Definição do Kafka %1: %2</translation>
    </message>
    <message>
        <source>Kafka setting &apos;%1&apos;: %2</source>
        <translation>Definição do Kafka &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>expected name=value</source>
        <translation>esperado nome=valor</translation>
    </message>
    <message>
        <source>cannot create the Kafka producer: %1</source>
        <translation>não é possível criar o produtor Kafka: %1</translation>
    </message>
    <message>
        <source>cannot produce to %1: %2</source>
        <translation>não é possível produzir para %1: %2</translation>
    </message>
    <message>
        <source>%1: cannot create the checkpoint folder</source>
        <translation>%1: não é possível criar a pasta dos pontos de controlo</translation>
    </message>
    <message>
        <source>%1: cannot write the step record: %2</source>
        <translation>%1: não é possível escrever o registo do passo: %2</translation>
    </message>
    <message>
        <source>%1: cannot sync to disk</source>
        <translation>%1: não é possível sincronizar com o disco</translation>
    </message>
    <message>
        <source>%1: cannot rename the checkpoint into place: %2</source>
        <translation>%1: não é possível mudar o nome do ponto de controlo para o seu lugar definitivo: %2</translation>
    </message>
    <message>
        <source>%1: cannot read the step record: %2</source>
        <translation>%1: não é possível ler o registo do passo: %2</translation>
    </message>
    <message>
        <source>%1: not a step record: %2</source>
        <translation>%1: não é um registo de passo: %2</translation>
    </message>
    <message>
        <source>cannot take broker %1 %2: %3</source>
        <translation>não é possível mudar o estado do broker %1 para %2: %3</translation>
    </message>
    <message>
        <source>Kafka setting bootstrap.servers: %1</source>
        <translation>Definição do Kafka bootstrap.servers: %1</translation>
    </message>
    <message>
        <source>cannot create the Kafka consumer: %1</source>
        <translation>não é possível criar o consumidor Kafka: %1</translation>
    </message>
    <message>
        <source>topic %1 has no partitions: %2</source>
        <translation>o tópico %1 não tem partições: %2</translation>
    </message>
    <message>
        <source>missing field &quot;%1&quot;</source>
        <translation>falta o campo &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number from 0 to 4294967295</source>
        <translation>&quot;%1&quot; não é um número inteiro de 0 a 4294967295</translation>
    </message>
    <message>
        <source>rating %1 is not a half star from 0.5 to 5</source>
        <translation>a classificação %1 não é um múltiplo de meia estrela de 0.5 a 5</translation>
    </message>
    <message>
        <source>not JSON: %1 at byte %2</source>
        <translation>não é JSON: %1 no byte %2</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>não é um objeto JSON</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation>&quot;%1&quot; não é um número</translation>
    </message>
    <message>
        <source>%1 was not trained with --protocol continual, so its static test set is unknown: give the split&apos;s options (--initial, --test-fraction, --order)</source>
        <translation>%1 não foi treinado com --protocol continual, pelo que o seu conjunto de teste estático é desconhecido: indique as opções da divisão (--initial, --test-fraction, --order)</translation>
    </message>
    <message>
        <source>cannot subscribe to topic %1: %2</source>
        <translation>não é possível subscrever o tópico %1: %2</translation>
    </message>
    <message>
        <source>skipping malformed message at partition %1 offset %2: %3</source>
        <translation>a ignorar a mensagem mal formada na partição %1, offset %2: %3</translation>
    </message>
    <message>
        <source>no model folder given</source>
        <translation>não foi indicada nenhuma pasta de modelo</translation>
    </message>
    <message>
        <source>the buffer must hold at least one rating, the validation fraction lie in [0, 1) and epochs be at least 1</source>
        <translation>o buffer tem de conter pelo menos uma classificação, a fração de validação tem de estar em [0, 1) e o número de épocas tem de ser pelo menos 1</translation>
    </message>
    <message>
        <source>%1: another consumer is fine-tuning from this folder</source>
        <translation>%1: outro consumidor está a afinar a partir desta pasta</translation>
    </message>
    <message>
        <source>partition %1: offsets %2 to %3 are gone (deleted by the topic&apos;s retention before they were read); %4 ratings lost</source>
        <translation>partição %1: os offsets %2 a %3 desapareceram (apagados pela retenção do tópico antes de serem lidos); %4 classificações perdidas</translation>
    </message>
</context>
<context>
    <name>Ncf::Ui</name>
    <message>
        <source>%1: cannot write the PNG file</source>
        <translation>%1: não é possível escrever o ficheiro PNG</translation>
    </message>
    <message>
        <source>%1: cannot write the SVG file</source>
        <translation>%1: não é possível escrever o ficheiro SVG</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1: não é possível criar a pasta</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Ficheiros CSV (*.csv)</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Ficheiros Markdown (*.md)</translation>
    </message>
    <message>
        <source>LaTeX files (*.tex)</source>
        <translation>Ficheiros LaTeX (*.tex)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>A exportação falhou</translation>
    </message>
</context>
<context>
    <name>Ncf::Ui::Card</name>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
</context>
<context>
    <name>Ncf::Ui::ChartCard</name>
    <message>
        <source>Save this chart as a PNG image or an SVG drawing</source>
        <translation>Guardar este gráfico como imagem PNG ou desenho SVG</translation>
    </message>
    <message>
        <source>PNG image...</source>
        <translation>Imagem PNG...</translation>
    </message>
    <message>
        <source>SVG drawing...</source>
        <translation>Desenho SVG...</translation>
    </message>
    <message>
        <source>Drag to zoom in; right-click to zoom out</source>
        <translation>Arraste para ampliar; clique com o botão direito para reduzir</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>Desenhos SVG (*.svg)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Imagens PNG (*.png)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>A exportação falhou</translation>
    </message>
</context>
<context>
    <name>Ncf::Ui::CvRun</name>
    <message>
        <source>pending</source>
        <translation>pendente</translation>
    </message>
    <message>
        <source>running</source>
        <translation>em execução</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>concluída</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>parada</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falhada</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrompida</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>terminada</translation>
    </message>
    <message>
        <source>cancelled, can be resumed</source>
        <translation>cancelada, pode ser retomada</translation>
    </message>
    <message>
        <source>interrupted, can be resumed</source>
        <translation>interrompida, pode ser retomada</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>não iniciada</translation>
    </message>
    <message>
        <source>#%1: %2</source>
        <translation>#%1: %2</translation>
    </message>
    <message>
        <source>Cross-validated configurations</source>
        <translation>Configurações com validação cruzada</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Posição</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Configuração</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Mean RMSE</source>
        <translation>RMSE médio</translation>
    </message>
    <message>
        <source>Std</source>
        <translation>Desvio-padrão</translation>
    </message>
    <message>
        <source>Best epoch</source>
        <translation>Melhor época</translation>
    </message>
    <message>
        <source>Fold %1 RMSE</source>
        <translation>RMSE da partição %1</translation>
    </message>
    <message>
        <source>%1-fold cross-validation of search %2, %3 epochs per fold; RMSE in stars at the epoch with the lowest fold-averaged RMSE, std over folds (sample)</source>
        <translation>Validação cruzada com %1 partições da pesquisa %2, %3 épocas por partição; RMSE em estrelas na época com o menor RMSE médio sobre as partições, desvio-padrão entre partições (amostral)</translation>
    </message>
</context>
<context>
    <name>Ncf::Ui::CvTab</name>
    <message>
        <source>Cross-validated configurations</source>
        <translation>Configurações com validação cruzada</translation>
    </message>
    <message>
        <source>Cross-validation</source>
        <translation>Validação cruzada</translation>
    </message>
    <message>
        <source>The search whose best configurations are cross-validated, from the experiment database</source>
        <translation>A pesquisa cujas melhores configurações são submetidas a validação cruzada, da base de dados de experiências</translation>
    </message>
    <message>
        <source>Source search</source>
        <translation>Pesquisa de origem</translation>
    </message>
    <message>
        <source>How many of the search&apos;s best trials (by validation RMSE) to cross-validate</source>
        <translation>Quantos dos melhores ensaios da pesquisa (por RMSE de validação) submeter a validação cruzada</translation>
    </message>
    <message>
        <source>Top configurations</source>
        <translation>Melhores configurações</translation>
    </message>
    <message>
        <source>Number of folds k: each configuration trains k times, validated on a different tenth (for k = 10) each time</source>
        <translation>Número de partições k: cada configuração é treinada k vezes, sendo validada de cada vez numa décima parte diferente (para k = 10)</translation>
    </message>
    <message>
        <source>Folds</source>
        <translation>Partições</translation>
    </message>
    <message>
        <source>Epochs per fold; every fold runs them all, without early stopping, so the folds can be averaged per epoch</source>
        <translation>Épocas por partição; cada partição executa-as todas, sem paragem antecipada, para que se possa fazer a média das partições por época</translation>
    </message>
    <message>
        <source>search&apos;s limit</source>
        <translation>limite da pesquisa</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Épocas</translation>
    </message>
    <message>
        <source>Folds trained at once</source>
        <translation>Partições treinadas em simultâneo</translation>
    </message>
    <message>
        <source>Parallel folds</source>
        <translation>Partições em paralelo</translation>
    </message>
    <message>
        <source>Intra-op threads of each fold; parallel folds times threads should not exceed the cores</source>
        <translation>Threads intra-operação de cada partição; as partições em paralelo vezes as threads não devem exceder o número de núcleos</translation>
    </message>
    <message>
        <source>Threads per fold</source>
        <translation>Threads por partição</translation>
    </message>
    <message>
        <source>Seed of the fold assignment and of each fold&apos;s initialisation: the same seed gives the same folds</source>
        <translation>Semente da atribuição das partições e da inicialização de cada partição: a mesma semente dá as mesmas partições</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Semente</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Executar</translation>
    </message>
    <message>
        <source>Cross-validate the source search&apos;s top configurations on the Data tab&apos;s dataset (it must be the file the search used)</source>
        <translation>Fazer a validação cruzada das melhores configurações da pesquisa de origem com o conjunto de dados do separador Dados (tem de ser o ficheiro que a pesquisa usou)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop after the current epochs; the unfinished configuration is kept as interrupted and can be resumed</source>
        <translation>Parar após as épocas em curso; a configuração não terminada fica como interrompida e pode ser retomada</translation>
    </message>
    <message>
        <source>%v of %m folds</source>
        <translation>%v de %m partições</translation>
    </message>
    <message>
        <source>Folds finished out of configurations times folds</source>
        <translation>Partições terminadas do total de configurações vezes partições</translation>
    </message>
    <message>
        <source>Stored runs</source>
        <translation>Execuções guardadas</translation>
    </message>
    <message>
        <source>The cross-validations in the experiment database; the chosen one is shown</source>
        <translation>As validações cruzadas da base de dados de experiências; é mostrada a escolhida</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Retomar</translation>
    </message>
    <message>
        <source>Run the chosen cross-validation&apos;s unfinished configurations again; finished ones are kept</source>
        <translation>Executar de novo as configurações não terminadas da validação cruzada escolhida; as terminadas são mantidas</translation>
    </message>
    <message>
        <source>Fold RMSE by configuration</source>
        <translation>RMSE das partições por configuração</translation>
    </message>
    <message>
        <source>Each configuration&apos;s fold RMSEs at its best epoch: median, quartiles, whiskers at 1.5 IQR, outlier folds and the mean</source>
        <translation>Os RMSE das partições de cada configuração na sua melhor época: mediana, quartis, bigodes a 1,5 IQR, partições atípicas e a média</translation>
    </message>
    <message>
        <source>Configuration (rank in the search)</source>
        <translation>Configuração (posição na pesquisa)</translation>
    </message>
    <message>
        <source>RMSE (stars)</source>
        <translation>RMSE (estrelas)</translation>
    </message>
    <message>
        <source>Folds at the best epoch</source>
        <translation>Partições na melhor época</translation>
    </message>
    <message>
        <source>Outlier folds</source>
        <translation>Partições atípicas</translation>
    </message>
    <message>
        <source>Mean over folds</source>
        <translation>Média das partições</translation>
    </message>
    <message>
        <source>Convergence</source>
        <translation>Convergência</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Época</translation>
    </message>
    <message>
        <source>MSE (ratings scaled to [0, 1])</source>
        <translation>MSE (classificações reescaladas para [0, 1])</translation>
    </message>
    <message>
        <source>Training MSE</source>
        <translation>MSE de treino</translation>
    </message>
    <message>
        <source>Validation MSE</source>
        <translation>MSE de validação</translation>
    </message>
    <message>
        <source>Best epoch of the configuration</source>
        <translation>Melhor época da configuração</translation>
    </message>
    <message>
        <source>The configuration whose convergence is shown</source>
        <translation>A configuração cuja convergência é mostrada</translation>
    </message>
    <message>
        <source>The fold whose training and validation MSE are shown</source>
        <translation>A partição cujo MSE de treino e de validação é mostrado</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Configuração</translation>
    </message>
    <message>
        <source>Fold</source>
        <translation>Partição</translation>
    </message>
    <message>
        <source>Search %1: %2, %3 (%4)</source>
        <translation>Pesquisa %1: %2, %3 (%4)</translation>
    </message>
    <message>
        <source>CV %1 of search %2: top %3, %4 folds (%5)</source>
        <translation>CV %1 da pesquisa %2: melhores %3, %4 partições (%5)</translation>
    </message>
    <message>
        <source>Choose a search to cross-validate</source>
        <translation>Escolha uma pesquisa para a validação cruzada</translation>
    </message>
    <message>
        <source>The cross-validation shown has nothing left to run</source>
        <translation>A validação cruzada mostrada não tem mais nada para executar</translation>
    </message>
    <message>
        <source>Load the search&apos;s dataset in the Data tab first</source>
        <translation>Carregue primeiro no separador Dados o conjunto de dados da pesquisa</translation>
    </message>
    <message>
        <source>Experiment %1 was run on %2, but the Data tab holds %3; load the experiment&apos;s file first</source>
        <translation>A experiência %1 foi executada com %2, mas o separador Dados contém %3; carregue primeiro o ficheiro da experiência</translation>
    </message>
    <message>
        <source>%1 changed since the search used it (its SHA-256 differs); going on would mix results from two datasets</source>
        <translation>%1 mudou desde que a pesquisa o usou (o seu SHA-256 é diferente); continuar misturaria resultados de dois conjuntos de dados</translation>
    </message>
    <message>
        <source>Resuming cross-validation %1...</source>
        <translation>A retomar a validação cruzada %1...</translation>
    </message>
    <message>
        <source>Cross-validating search %1...</source>
        <translation>A fazer a validação cruzada da pesquisa %1...</translation>
    </message>
    <message>
        <source>Cross-validation cancelled before it started</source>
        <translation>Validação cruzada cancelada antes de começar</translation>
    </message>
    <message>
        <source>Cross-validation %1 cancelled; Resume runs its unfinished configurations</source>
        <translation>Validação cruzada %1 cancelada; Retomar executa as suas configurações não terminadas</translation>
    </message>
    <message>
        <source>Cross-validation %1 finished: %2 configurations scored, %3 failed</source>
        <translation>Validação cruzada %1 terminada: %2 configurações avaliadas, %3 falhadas</translation>
    </message>
    <message>
        <source>Fold %1</source>
        <translation>Partição %1</translation>
    </message>
    <message>
        <source>Convergence of configuration #%1 on fold %2</source>
        <translation>Convergência da configuração #%1 na partição %2</translation>
    </message>
    <message>
        <source>No cross-validation yet: choose a search and press Run</source>
        <translation>Ainda não há validações cruzadas: escolha uma pesquisa e prima Executar</translation>
    </message>
    <message>
        <source>No search in the experiment database yet</source>
        <translation>Ainda não há pesquisas na base de dados de experiências</translation>
    </message>
    <message>
        <source>running</source>
        <translation>em execução</translation>
    </message>
    <message>
        <source>interrupted: %1 configurations left; Resume runs them</source>
        <translation>interrompida: faltam %1 configurações; Retomar executa-as</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>terminada</translation>
    </message>
    <message>
        <source>Cross-validation %1 of search %2: %3 configurations, %4 folds, %5 epochs each; %6</source>
        <translation>Validação cruzada %1 da pesquisa %2: %3 configurações, %4 partições, %5 épocas cada; %6</translation>
    </message>
</context>
<context>
    <name>Ncf::Ui::DataTab</name>
    <message>
        <source>Open file...</source>
        <translation>Abrir ficheiro...</translation>
    </message>
    <message>
        <source>Open folder...</source>
        <translation>Abrir pasta...</translation>
    </message>
    <message>
        <source>Skip bad lines</source>
        <translation>Ignorar linhas inválidas</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Rating histogram</source>
        <translation>Histograma das classificações</translation>
    </message>
    <message>
        <source>Ratings per user and per movie by rank</source>
        <translation>Classificações por utilizador e por filme, por posição</translation>
    </message>
    <message>
        <source>Dataset overview</source>
        <translation>Visão geral do conjunto de dados</translation>
    </message>
    <message>
        <source>Ratings per user and per movie</source>
        <translation>Classificações por utilizador e por filme</translation>
    </message>
    <message>
        <source>Rating histogram table</source>
        <translation>Tabela do histograma das classificações</translation>
    </message>
    <message>
        <source>Open a MovieLens ratings file: u.data, ratings.dat or ratings.csv (Ctrl+O)</source>
        <translation>Abrir um ficheiro de classificações do MovieLens: u.data, ratings.dat ou ratings.csv (Ctrl+O)</translation>
    </message>
    <message>
        <source>Open a MovieLens dataset folder such as ml-25m (Ctrl+Shift+O)</source>
        <translation>Abrir uma pasta de conjunto de dados do MovieLens, como ml-25m (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>Skip malformed lines and report how many, instead of stopping at the first one</source>
        <translation>Ignorar as linhas mal formadas e indicar quantas foram, em vez de parar na primeira</translation>
    </message>
    <message>
        <source>Stop loading (Esc)</source>
        <translation>Parar o carregamento (Esc)</translation>
    </message>
    <message>
        <source>Open a MovieLens ratings file or folder, or drop one here.</source>
        <translation>Abra um ficheiro ou pasta de classificações do MovieLens, ou largue-o aqui.</translation>
    </message>
    <message>
        <source>Open MovieLens ratings</source>
        <translation>Abrir classificações do MovieLens</translation>
    </message>
    <message>
        <source>MovieLens ratings (u.data ratings.dat ratings.csv *.data *.dat *.csv);;All files (*)</source>
        <translation>Classificações do MovieLens (u.data ratings.dat ratings.csv *.data *.dat *.csv);;Todos os ficheiros (*)</translation>
    </message>
    <message>
        <source>Open MovieLens dataset folder</source>
        <translation>Abrir pasta de conjunto de dados do MovieLens</translation>
    </message>
    <message>
        <source>Loading %1...</source>
        <translation>A carregar %1...</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>, about %1 s left</source>
        <translation>, faltam cerca de %1 s</translation>
    </message>
    <message>
        <source>Loading %1 was cancelled.</source>
        <translation>O carregamento de %1 foi cancelado.</translation>
    </message>
    <message>
        <source>Loading failed</source>
        <translation>O carregamento falhou</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2 layout): %3 ratings by %4 users of %5 movies; mean rating %6, density %7 %. Loaded %8 in %9 s; %10 bytes a rating in memory.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (formato %2): %3 classificações de %4 utilizadores a %5 filmes; classificação média %6, densidade %7 %. Carregados %8 em %9 s; %10 bytes por classificação em memória.</translation>
    </message>
    <message>
        <source>Skipped %1 bad lines; the first: %2</source>
        <translation>Ignoradas %1 linhas inválidas; a primeira: %2</translation>
    </message>
    <message>
        <source>%1 duplicate (user, movie) pairs, e.g. %2</source>
        <translation>%1 pares (utilizador, filme) duplicados, p. ex. %2</translation>
    </message>
    <message>
        <source>Loaded %1 ratings from %2 in %3 s</source>
        <translation>Carregadas %1 classificações de %2 em %3 s</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Classificações</translation>
    </message>
    <message>
        <source>Rating %1: %2 ratings (%3 %)</source>
        <translation>Classificação %1: %2 classificações (%3 %)</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Classificação</translation>
    </message>
    <message>
        <source>Rank (1 = most ratings)</source>
        <translation>Posição (1 = mais classificações)</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilizadores</translation>
    </message>
    <message>
        <source>Movies</source>
        <translation>Filmes</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1: não é possível criar a pasta</translation>
    </message>
</context>
<context>
    <name>Ncf::Ui::LogPanel</name>
    <message>
        <source>Log</source>
        <translation>Registo</translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation>Depuração e superior</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Informação e superior</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Avisos e erros</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Apenas erros</translation>
    </message>
    <message>
        <source>Lowest level of messages to show</source>
        <translation>Nível mínimo das mensagens a mostrar</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Limpar</translation>
    </message>
    <message>
        <source>Remove all messages from the panel</source>
        <translation>Remover todas as mensagens do painel</translation>
    </message>
</context>
<context>
    <name>Ncf::Ui::LossChart</name>
    <message>
        <source>Stopped by ASHA</source>
        <translation>Parados pelo ASHA</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Época</translation>
    </message>
    <message>
        <source>Validation RMSE (stars)</source>
        <translation>RMSE de validação (estrelas)</translation>
    </message>
    <message>
        <source>Trial %1</source>
        <translation>Ensaio %1</translation>
    </message>
    <message>
        <source>%1
epoch %2: validation RMSE %3</source>
        <translation>%1
época %2: RMSE de validação %3</translation>
    </message>
</context>
<context>
    <name>Ncf::Ui::MainWindow</name>
    <message>
        <source>NCF Workbench</source>
        <translation>NCF Workbench</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>&amp;Dados</translation>
    </message>
    <message>
        <source>%1 - NCF Workbench</source>
        <translation>%1 - NCF Workbench</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Pronto</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Ficheiro</translation>
    </message>
    <message>
        <source>&amp;Open File...</source>
        <translation>&amp;Abrir ficheiro...</translation>
    </message>
    <message>
        <source>Open a MovieLens ratings file</source>
        <translation>Abrir um ficheiro de classificações do MovieLens</translation>
    </message>
    <message>
        <source>Open MovieLens ratings</source>
        <translation>Abrir classificações do MovieLens</translation>
    </message>
    <message>
        <source>MovieLens ratings (u.data ratings.dat ratings.csv *.data *.dat *.csv);;All files (*)</source>
        <translation>Classificações do MovieLens (u.data ratings.dat ratings.csv *.data *.dat *.csv);;Todos os ficheiros (*)</translation>
    </message>
    <message>
        <source>Open &amp;Folder...</source>
        <translation>Abrir &amp;pasta...</translation>
    </message>
    <message>
        <source>Open MovieLens dataset folder</source>
        <translation>Abrir pasta de conjunto de dados do MovieLens</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;recentes</translation>
    </message>
    <message>
        <source>&amp;Export Report...</source>
        <translation>&amp;Exportar relatório...</translation>
    </message>
    <message>
        <source>Write every chart (PNG, SVG) and table (CSV, Markdown, LaTeX) to a folder</source>
        <translation>Escrever todos os gráficos (PNG, SVG) e tabelas (CSV, Markdown, LaTeX) numa pasta</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>Defi&amp;nições</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma do sistema</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Ajuda</translation>
    </message>
    <message>
        <source>&amp;About NCF Workbench</source>
        <translation>&amp;Acerca do NCF Workbench</translation>
    </message>
    <message>
        <source>Clear Recent Files</source>
        <translation>Limpar ficheiros recentes</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The new language applies the next time the workbench starts.</source>
        <translation>O novo idioma será aplicado da próxima vez que a aplicação for iniciada.</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1: não é possível criar a pasta</translation>
    </message>
    <message>
        <source>%1: cannot write the screenshot</source>
        <translation>%1: não é possível escrever a captura de ecrã</translation>
    </message>
    <message>
        <source>Export report to folder</source>
        <translation>Exportar relatório para uma pasta</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>A exportação falhou</translation>
    </message>
    <message>
        <source>Exported %1 files to %2</source>
        <translation>Exportados %1 ficheiros para %2</translation>
    </message>
    <message>
        <source>About NCF Workbench</source>
        <translation>Acerca do NCF Workbench</translation>
    </message>
    <message>
        <source>&lt;h3&gt;NCF Workbench %1&lt;/h3&gt;&lt;p&gt;Explore MovieLens ratings, train and tune neural collaborative filtering models, and export the figures for your reports.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;NCF Workbench %1&lt;/h3&gt;&lt;p&gt;Explore as classificações do MovieLens, treine e afine modelos de filtragem colaborativa neuronal e exporte as figuras para os seus relatórios.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Quit while loading?</source>
        <translation>Sair durante o carregamento?</translation>
    </message>
    <message>
        <source>A dataset is still loading. Stop loading and quit?</source>
        <translation>Ainda está a ser carregado um conjunto de dados. Parar o carregamento e sair?</translation>
    </message>
    <message>
        <source>&amp;Stream</source>
        <translation>F&amp;luxo</translation>
    </message>
    <message>
        <source>Quit while streaming?</source>
        <translation>Sair com o fluxo em curso?</translation>
    </message>
    <message>
        <source>Training, the producer or the consumer is still running. Stop them and quit? The consumer&apos;s last checkpoint is kept; it continues from there next time.</source>
        <translation>O treino, o produtor ou o consumidor ainda está em execução. Pará-los e sair? O último ponto de controlo do consumidor é mantido; da próxima vez, continua a partir daí.</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>&amp;Treino</translation>
    </message>
    <message>
        <source>Searc&amp;h</source>
        <translation>&amp;Pesquisa</translation>
    </message>
    <message>
        <source>&amp;Cross-validation</source>
        <translation>Validação &amp;cruzada</translation>
    </message>
    <message>
        <source>&amp;Results</source>
        <translation>&amp;Resultados</translation>
    </message>
    <message>
        <source>Open Experiment &amp;Database...</source>
        <translation>Abrir base de &amp;dados de experiências...</translation>
    </message>
    <message>
        <source>Open or create the SQLite database of experiments; every tab shows what it holds</source>
        <translation>Abrir ou criar a base de dados SQLite de experiências; cada separador mostra o que ela contém</translation>
    </message>
    <message>
        <source>Open or create an experiment database</source>
        <translation>Abrir ou criar uma base de dados de experiências</translation>
    </message>
    <message>
        <source>Experiment databases (*.sqlite *.db);;All files (*)</source>
        <translation>Bases de dados de experiências (*.sqlite *.db);;Todos os ficheiros (*)</translation>
    </message>
    <message>
        <source>Experiment database: %1</source>
        <translation>Base de dados de experiências: %1</translation>
    </message>
    <message>
        <source>Quit while training?</source>
        <translation>Sair durante o treino?</translation>
    </message>
    <message>
        <source>Training, a search or a cross-validation is still running. Stop it and quit? Every finished epoch is kept in the experiment database; an interrupted search can be resumed.</source>
        <translation>Ainda está em execução um treino, uma pesquisa ou uma validação cruzada. Pará-lo e sair? Todas as épocas terminadas ficam guardadas na base de dados de experiências; uma pesquisa interrompida pode ser retomada.</translation>
    </message>
</context>
<context>
    <name>Ncf::Ui::ParamForm</name>
    <message>
        <source>Width of the user and movie embeddings</source>
        <translation>Largura dos embeddings de utilizadores e de filmes</translation>
    </message>
    <message>
        <source>Widths of the dense layers, comma-separated (for example 256,64)</source>
        <translation>Larguras das camadas densas, separadas por vírgulas (por exemplo 256,64)</translation>
    </message>
    <message>
        <source>Dropout probability of the dense layers</source>
        <translation>Probabilidade de dropout das camadas densas</translation>
    </message>
    <message>
        <source>Adam learning rate</source>
        <translation>Taxa de aprendizagem do Adam</translation>
    </message>
    <message>
        <source>L2 penalty on the dense layers and the embedding rows a batch touches</source>
        <translation>Penalização L2 das camadas densas e das linhas de embeddings que cada lote usa</translation>
    </message>
    <message>
        <source>Ratings per optimisation step</source>
        <translation>Classificações por passo de otimização</translation>
    </message>
    <message>
        <source>Width of the encoder and decoder layers</source>
        <translation>Largura das camadas do codificador e do descodificador</translation>
    </message>
    <message>
        <source>Width of the bottleneck (the latent code)</source>
        <translation>Largura do estrangulamento (o código latente)</translation>
    </message>
    <message>
        <source>KL weight at the first epoch</source>
        <translation>Peso KL na primeira época</translation>
    </message>
    <message>
        <source>How far the KL weight rises by the last epoch</source>
        <translation>Quanto sobe o peso KL até à última época</translation>
    </message>
    <message>
        <source>How the KL weight moves over the epochs: linear, exponential, cosine, constant or zero</source>
        <translation>Como varia o peso KL ao longo das épocas: linear, exponential, cosine, constant ou zero</translation>
    </message>
    <message>
        <source>Latent factors of matrix factorisation</source>
        <translation>Fatores latentes da fatorização de matrizes</translation>
    </message>
    <message>
        <source>L2 regularisation of the factors and biases</source>
        <translation>Regularização L2 dos fatores e dos termos de viés</translation>
    </message>
    <message>
        <source>Stop after this many epochs without a better validation MSE; 0 never stops early</source>
        <translation>Parar após este número de épocas sem melhoria do MSE de validação; 0 nunca para antecipadamente</translation>
    </message>
    <message>
        <source>This model has no hyperparameters.</source>
        <translation>Este modelo não tem hiperparâmetros.</translation>
    </message>
    <message>
        <source>%1 has no parameter &apos;%2&apos;</source>
        <translation>%1 não tem o parâmetro &apos;%2&apos;</translation>
    </message>
</context>
<context>
    <name>Ncf::Ui::ResultsTab</name>
    <message>
        <source>Validation RMSE by model</source>
        <translation>RMSE de validação por modelo</translation>
    </message>
    <message>
        <source>Every epoch</source>
        <translation>Todas as épocas</translation>
    </message>
    <message>
        <source>RMSE by model</source>
        <translation>RMSE por modelo</translation>
    </message>
    <message>
        <source>Measured here</source>
        <translation>Medido aqui</translation>
    </message>
    <message>
        <source>Published (quoted, not measured here)</source>
        <translation>Publicado (citado, não medido aqui)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <source>Read the results from the experiment database again</source>
        <translation>Ler de novo os resultados da base de dados de experiências</translation>
    </message>
    <message>
        <source>Export report...</source>
        <translation>Exportar relatório...</translation>
    </message>
    <message>
        <source>Write a folder for a paper: the chart as PNG and SVG, the results and epochs tables as CSV, Markdown and LaTeX</source>
        <translation>Escrever uma pasta para um artigo: o gráfico em PNG e SVG, as tabelas de resultados e de épocas em CSV, Markdown e LaTeX</translation>
    </message>
    <message>
        <source>Validation RMSE of every row of the results table; grey bars are published figures, not measured here</source>
        <translation>RMSE de validação de cada linha da tabela de resultados; as barras cinzentas são valores publicados, não medidos aqui</translation>
    </message>
    <message>
        <source>RMSE (stars)</source>
        <translation>RMSE (estrelas)</translation>
    </message>
    <message>
        <source>No experiment database at %1 yet</source>
        <translation>Ainda não existe nenhuma base de dados de experiências em %1</translation>
    </message>
    <message>
        <source>%1 measured rows and %2 published baselines; %3 stored epochs; from %4</source>
        <translation>%1 linhas medidas e %2 referências publicadas; %3 épocas guardadas; de %4</translation>
    </message>
    <message>
        <source>%1 (published), %2</source>
        <translation>%1 (publicado), %2</translation>
    </message>
    <message>
        <source>Export report to</source>
        <translation>Exportar relatório para</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>A exportação falhou</translation>
    </message>
    <message>
        <source>Report written to %1 (%2 files)</source>
        <translation>Relatório escrito em %1 (%2 ficheiros)</translation>
    </message>
</context>
<context>
    <name>Ncf::Ui::ScatterChart</name>
    <message>
        <source>Completed</source>
        <translation>Concluídos</translation>
    </message>
    <message>
        <source>Stopped by ASHA</source>
        <translation>Parados pelo ASHA</translation>
    </message>
    <message>
        <source>Running or interrupted</source>
        <translation>Em execução ou interrompidos</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>Selecionados</translation>
    </message>
    <message>
        <source>Best val. RMSE</source>
        <translation>Melhor RMSE val.</translation>
    </message>
    <message>
        <source>Hyperparameter</source>
        <translation>Hiperparâmetro</translation>
    </message>
    <message>
        <source>Trial %1 (%2)
%3
best validation RMSE %4</source>
        <translation>Ensaio %1 (%2)
%3
melhor RMSE de validação %4</translation>
    </message>
</context>
<context>
    <name>Ncf::Ui::SearchResults</name>
    <message>
        <source>Trial %1 (%2): %3</source>
        <translation>Ensaio %1 (%2): %3</translation>
    </message>
    <message>
        <source>Search trials</source>
        <translation>Ensaios da pesquisa</translation>
    </message>
    <message>
        <source>Validation RMSE per epoch</source>
        <translation>RMSE de validação por época</translation>
    </message>
    <message>
        <source>Hyperparameter against best RMSE</source>
        <translation>Hiperparâmetro face ao melhor RMSE</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Repor zoom</translation>
    </message>
    <message>
        <source>Fit the axes to the data again; while zoomed (drag a rectangle, right-click to zoom out) the axes stay put</source>
        <translation>Ajustar de novo os eixos aos dados; enquanto houver zoom (arraste um retângulo; clique com o botão direito para reduzir), os eixos ficam fixos</translation>
    </message>
    <message>
        <source>The searched hyperparameter on the x axis</source>
        <translation>O hiperparâmetro pesquisado no eixo x</translation>
    </message>
    <message>
        <source>best</source>
        <translation>melhor</translation>
    </message>
    <message>
        <source>The epoch at which the table compares the trials&apos; validation RMSE; &quot;best&quot; takes each trial&apos;s best epoch</source>
        <translation>A época em que a tabela compara o RMSE de validação dos ensaios; &quot;melhor&quot; usa a melhor época de cada ensaio</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parâmetro</translation>
    </message>
    <message>
        <source>Compare at epoch</source>
        <translation>Comparar na época</translation>
    </message>
    <message>
        <source>Epochs of %1</source>
        <translation>Épocas de %1</translation>
    </message>
</context>
<context>
    <name>Ncf::Ui::SearchSettingsPanel</name>
    <message>
        <source>Search</source>
        <translation>Pesquisa</translation>
    </message>
    <message>
        <source>The model whose hyperparameters are searched; choosing one loads its preset search space</source>
        <translation>O modelo cujos hiperparâmetros são pesquisados; escolher um carrega o seu espaço de pesquisa predefinido</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Random search</source>
        <translation>Pesquisa aleatória</translation>
    </message>
    <message>
        <source>ASHA</source>
        <translation>ASHA</translation>
    </message>
    <message>
        <source>Random search trains every trial to the epoch limit (or early stopping); ASHA stops unpromising trials at its rungs</source>
        <translation>A pesquisa aleatória treina cada ensaio até ao limite de épocas (ou até à paragem antecipada); o ASHA para os ensaios pouco promissores nos seus degraus</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>Algoritmo</translation>
    </message>
    <message>
        <source>Configurations sampled from the space, each trained as one trial</source>
        <translation>Configurações amostradas do espaço, cada uma treinada como um ensaio</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>Ensaios</translation>
    </message>
    <message>
        <source>Trials trained at once (with one, a search is reproducible run for run)</source>
        <translation>Ensaios treinados em simultâneo (com um só, a pesquisa é reprodutível de execução para execução)</translation>
    </message>
    <message>
        <source>Parallel trials</source>
        <translation>Ensaios em paralelo</translation>
    </message>
    <message>
        <source>Intra-op threads of each trial; set to the cores divided by the parallel trials when those change</source>
        <translation>Threads intra-operação de cada ensaio; passa a ser o número de núcleos a dividir pelos ensaios em paralelo quando estes mudam</translation>
    </message>
    <message>
        <source>Threads per trial</source>
        <translation>Threads por ensaio</translation>
    </message>
    <message>
        <source>Seed of the sampled configurations, the holdout split and the trials&apos; initialisation</source>
        <translation>Semente das configurações amostradas, da divisão treino/validação e da inicialização dos ensaios</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Semente</translation>
    </message>
    <message>
        <source>Most epochs per trial: the space&apos;s max_epochs (ASHA&apos;s max_t follows)</source>
        <translation>Número máximo de épocas por ensaio: o max_epochs do espaço (o max_t do ASHA acompanha-o)</translation>
    </message>
    <message>
        <source>Epochs per trial</source>
        <translation>Épocas por ensaio</translation>
    </message>
    <message>
        <source>max_t: the most epochs a trial may run</source>
        <translation>max_t: o número máximo de épocas que um ensaio pode executar</translation>
    </message>
    <message>
        <source>max_t</source>
        <translation>max_t</translation>
    </message>
    <message>
        <source>grace_period: epochs every trial runs before its first rung</source>
        <translation>grace_period: épocas que cada ensaio executa antes do seu primeiro degrau</translation>
    </message>
    <message>
        <source>Grace period</source>
        <translation>Período de tolerância</translation>
    </message>
    <message>
        <source>reduction_factor: each rung keeps the best 1/factor of the trials that reach it</source>
        <translation>reduction_factor: cada degrau mantém a melhor fração 1/fator dos ensaios que o alcançam</translation>
    </message>
    <message>
        <source>Reduction factor</source>
        <translation>Fator de redução</translation>
    </message>
    <message>
        <source>brackets: successive-halving brackets with different first rungs</source>
        <translation>brackets: brackets de successive halving (reduções sucessivas a metade) com primeiros degraus diferentes</translation>
    </message>
    <message>
        <source>Brackets</source>
        <translation>Brackets</translation>
    </message>
    <message>
        <source>Search space</source>
        <translation>Espaço de pesquisa</translation>
    </message>
    <message>
        <source>Load preset</source>
        <translation>Carregar predefinição</translation>
    </message>
    <message>
        <source>Replace the space with the preset of the chosen model</source>
        <translation>Substituir o espaço pelo espaço predefinido do modelo escolhido</translation>
    </message>
</context>
<context>
    <name>Ncf::Ui::SearchTab</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>ASHA</source>
        <translation>ASHA</translation>
    </message>
    <message>
        <source>random search</source>
        <translation>pesquisa aleatória</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>terminada</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <source>running</source>
        <translation>em execução</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrompida</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>não iniciada</translation>
    </message>
    <message>
        <source>The search experiments of the database, newest first; choose one to show its trials and charts as stored</source>
        <translation>As experiências de pesquisa da base de dados, da mais recente para a mais antiga; escolha uma para mostrar os seus ensaios e gráficos tal como foram guardados</translation>
    </message>
    <message>
        <source>Resume search</source>
        <translation>Retomar pesquisa</translation>
    </message>
    <message>
        <source>Run the shown experiment&apos;s interrupted and pending trials (interrupted ones start again from their first epoch; ended trials and ASHA&apos;s rungs are kept)</source>
        <translation>Executar os ensaios interrompidos e pendentes da experiência mostrada (os interrompidos recomeçam a partir da primeira época; os ensaios terminados e os degraus do ASHA são mantidos)</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>Experiência</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Execução</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Hold the running trials after their current batch and start no new ones; press again to go on</source>
        <translation>Suspender os ensaios em execução após o lote atual e não iniciar novos; prima de novo para continuar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop the search; running trials are kept as interrupted and the experiment can be resumed later</source>
        <translation>Parar a pesquisa; os ensaios em execução ficam como interrompidos e a experiência pode ser retomada mais tarde</translation>
    </message>
    <message>
        <source>Trials ended (completed, stopped or failed) of all trials, and the estimated time left</source>
        <translation>Ensaios terminados (concluídos, parados ou falhados) do total de ensaios, e o tempo restante estimado</translation>
    </message>
    <message>
        <source>A search is running; the database stays %1 until it ends</source>
        <translation>Está a decorrer uma pesquisa; a base de dados continua a ser %1 até esta terminar</translation>
    </message>
    <message>
        <source>Load a dataset in the Data tab first: the search trains on it</source>
        <translation>Carregue primeiro um conjunto de dados no separador Dados: a pesquisa treina com ele</translation>
    </message>
    <message>
        <source>Starting %1 on %2 (trials: %3)</source>
        <translation>A iniciar %1 com %2 (ensaios: %3)</translation>
    </message>
    <message>
        <source>Search paused: running trials hold after their current batch</source>
        <translation>Pesquisa em pausa: os ensaios em execução ficam suspensos após o lote atual</translation>
    </message>
    <message>
        <source>Search continues</source>
        <translation>A pesquisa continua</translation>
    </message>
    <message>
        <source>The shown experiment has no interrupted or pending trials to run</source>
        <translation>A experiência mostrada não tem ensaios interrompidos ou pendentes para executar</translation>
    </message>
    <message>
        <source>Experiment %1 was run on %2, which is not there any more</source>
        <translation>A experiência %1 foi executada com %2, que já não existe</translation>
    </message>
    <message>
        <source>Resuming search experiment %1 (trials left: %2)</source>
        <translation>A retomar a experiência de pesquisa %1 (ensaios em falta: %2)</translation>
    </message>
    <message>
        <source>Cancelling: running trials stop after their current batch and are kept as interrupted</source>
        <translation>A cancelar: os ensaios em execução param após o lote atual e ficam como interrompidos</translation>
    </message>
    <message>
        <source>interrupted, trials left: %1</source>
        <translation>interrompida, ensaios em falta: %1</translation>
    </message>
    <message>
        <source>#%1  %2 · %3 · %4 · %5</source>
        <translation>#%1  %2 · %3 · %4 · %5</translation>
    </message>
    <message>
        <source>trials: %1</source>
        <translation>ensaios: %1</translation>
    </message>
    <message>
        <source>Search experiment %1 cancelled (trials left to resume: %2)</source>
        <translation>Experiência de pesquisa %1 cancelada (ensaios por retomar: %2)</translation>
    </message>
    <message>
        <source>Search experiment %1 finished: %2 completed, %3 stopped by ASHA, %4 failed</source>
        <translation>Experiência de pesquisa %1 terminada: %2 concluídos, %3 parados pelo ASHA, %4 falhados</translation>
    </message>
    <message>
        <source>Trial %1 %2 (epochs: %3, best validation RMSE %4)</source>
        <translation>Ensaio %1 %2 (épocas: %3, melhor RMSE de validação %4)</translation>
    </message>
    <message>
        <source>Trials of search experiment %1</source>
        <translation>Ensaios da experiência de pesquisa %1</translation>
    </message>
    <message>
        <source>Search trials</source>
        <translation>Ensaios da pesquisa</translation>
    </message>
    <message>
        <source>Search experiment %1 stopped before it ended (trials interrupted or pending: %2).

Resume it now? Ended trials are kept; interrupted ones run again from their first epoch.</source>
        <translation>A experiência de pesquisa %1 parou antes de terminar (ensaios interrompidos ou pendentes: %2).

Retomá-la agora? Os ensaios terminados são mantidos; os interrompidos voltam a ser executados a partir da primeira época.</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>em pausa</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>faltam cerca de %1</translation>
    </message>
    <message>
        <source>estimating the time left</source>
        <translation>a estimar o tempo restante</translation>
    </message>
    <message>
        <source>%1 of %2 trials ended</source>
        <translation>%1 de %2 ensaios terminados</translation>
    </message>
    <message>
        <source>%1 of %2 trials ended, %3</source>
        <translation>%1 de %2 ensaios terminados, %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;Experiment %1&lt;/b&gt; (%2, %3): %4</source>
        <translation>&lt;b&gt;Experiência %1&lt;/b&gt; (%2, %3): %4</translation>
    </message>
    <message>
        <source>%1 completed, %2 stopped by ASHA, %3 failed, %4 running, %5 interrupted, %6 pending</source>
        <translation>%1 concluídos, %2 parados pelo ASHA, %3 falhados, %4 em execução, %5 interrompidos, %6 pendentes</translation>
    </message>
    <message>
        <source>Best validation RMSE %1 (trial %2: %3)</source>
        <translation>Melhor RMSE de validação %1 (ensaio %2: %3)</translation>
    </message>
    <message>
        <source>Trials left to run: %1 (Resume search continues them)</source>
        <translation>Ensaios por executar: %1 (Retomar pesquisa continua-os)</translation>
    </message>
    <message>
        <source>No searches in %1 yet: set one up and press Start.</source>
        <translation>Ainda não há pesquisas em %1: configure uma e prima Iniciar.</translation>
    </message>
    <message>
        <source>No search shown: set one up and press Start.</source>
        <translation>Nenhuma pesquisa mostrada: configure uma e prima Iniciar.</translation>
    </message>
    <message>
        <source>Fix the settings first: %1</source>
        <translation>Corrija primeiro as definições: %1</translation>
    </message>
    <message>
        <source>Load a dataset in the Data tab first</source>
        <translation>Carregue primeiro um conjunto de dados no separador Dados</translation>
    </message>
    <message>
        <source>Create a new search experiment in the database and run it</source>
        <translation>Criar uma nova experiência de pesquisa na base de dados e executá-la</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Retomar</translation>
    </message>
    <message>
        <source>Interrupted (trials left: %1)</source>
        <translation>Interrompida (ensaios em falta: %1)</translation>
    </message>
</context>
<context>
    <name>Ncf::Ui::SpaceEditor</name>
    <message>
        <source>Add parameter</source>
        <translation>Adicionar parâmetro</translation>
    </message>
    <message>
        <source>Remove parameter</source>
        <translation>Remover parâmetro</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parâmetro</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Valores</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Mínimo</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Máximo</translation>
    </message>
    <message>
        <source>The hyperparameters of the search: a fixed value every trial shares, a choice among values, or a uniform or log-uniform range. Edits here rewrite the JSON below.</source>
        <translation>Os hiperparâmetros da pesquisa: um valor fixo partilhado por todos os ensaios, uma escolha entre valores, ou um intervalo uniforme ou log-uniforme. As alterações feitas aqui reescrevem o JSON abaixo.</translation>
    </message>
    <message>
        <source>The parameter&apos;s name, as on the command line (--param)</source>
        <translation>O nome do parâmetro, tal como na linha de comandos (--param)</translation>
    </message>
    <message>
        <source>fixed: one value for every trial; choice: one of the values; uniform or log-uniform: a range from low to high</source>
        <translation>fixo: um valor para todos os ensaios; escolha: um dos valores; uniforme ou log-uniforme: um intervalo do mínimo ao máximo</translation>
    </message>
    <message>
        <source>Comma-separated values of a choice, or the fixed value; quote text containing commas</source>
        <translation>Valores de uma escolha separados por vírgulas, ou o valor fixo; coloque entre aspas o texto que contenha vírgulas</translation>
    </message>
    <message>
        <source>Lower bound of a range (above 0 for log-uniform)</source>
        <translation>Limite inferior de um intervalo (superior a 0 para log-uniforme)</translation>
    </message>
    <message>
        <source>Upper bound of a range</source>
        <translation>Limite superior de um intervalo</translation>
    </message>
    <message>
        <source>Add a row for another parameter of the model</source>
        <translation>Adicionar uma linha para outro parâmetro do modelo</translation>
    </message>
    <message>
        <source>Remove the selected parameters</source>
        <translation>Remover os parâmetros selecionados</translation>
    </message>
    <message>
        <source>The search space as JSON, as `ncf search --space` reads it; edits here update the form</source>
        <translation>O espaço de pesquisa em JSON, tal como o `ncf search --space` o lê; as alterações feitas aqui atualizam o formulário</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>row %1 has no parameter name</source>
        <translation>a linha %1 não tem nome de parâmetro</translation>
    </message>
    <message>
        <source>parameter %1 appears twice</source>
        <translation>o parâmetro %1 aparece duas vezes</translation>
    </message>
    <message>
        <source>search space: %1</source>
        <translation>espaço de pesquisa: %1</translation>
    </message>
    <message>
        <source>Not valid JSON at character %1: %2</source>
        <translation>JSON inválido no carácter %1: %2</translation>
    </message>
    <message>
        <source>The search space must be a JSON object</source>
        <translation>O espaço de pesquisa tem de ser um objeto JSON</translation>
    </message>
    <message>
        <source>fixed</source>
        <translation>fixo</translation>
    </message>
    <message>
        <source>choice</source>
        <translation>escolha</translation>
    </message>
    <message>
        <source>uniform</source>
        <translation>uniforme</translation>
    </message>
    <message>
        <source>log-uniform</source>
        <translation>log-uniforme</translation>
    </message>
</context>
<context>
    <name>Ncf::Ui::StreamTab</name>
    <message>
        <source>Fine-tuning steps</source>
        <translation>Passos de afinação</translation>
    </message>
    <message>
        <source>Initial model saved to %1</source>
        <translation>Modelo inicial guardado em %1</translation>
    </message>
    <message>
        <source>Producer finished: %1 ratings sent</source>
        <translation>Produtor terminado: %1 classificações enviadas</translation>
    </message>
    <message>
        <source>Consumer stopped</source>
        <translation>Consumidor parado</translation>
    </message>
    <message>
        <source>http://127.0.0.1:%1 (model version %2)</source>
        <translation>http://127.0.0.1:%1 (versão do modelo %2)</translation>
    </message>
    <message>
        <source>Kafka</source>
        <translation>Kafka</translation>
    </message>
    <message>
        <source>Embedded broker</source>
        <translation>Broker embutido</translation>
    </message>
    <message>
        <source>librdkafka&apos;s mock cluster on a loopback port: the real Kafka protocol with no server to install</source>
        <translation>O cluster simulado do librdkafka numa porta de loopback: o verdadeiro protocolo Kafka, sem nenhum servidor para instalar</translation>
    </message>
    <message>
        <source>External cluster</source>
        <translation>Cluster externo</translation>
    </message>
    <message>
        <source>Connect to the bootstrap servers below</source>
        <translation>Ligar aos servidores de bootstrap indicados abaixo</translation>
    </message>
    <message>
        <source>bootstrap.servers of the external cluster; with the embedded broker, the address it listens on</source>
        <translation>bootstrap.servers do cluster externo; com o broker embutido, o endereço em que este escuta</translation>
    </message>
    <message>
        <source>Bootstrap servers</source>
        <translation>Servidores de bootstrap</translation>
    </message>
    <message>
        <source>The topic the producer writes and the consumer reads</source>
        <translation>O tópico em que o produtor escreve e que o consumidor lê</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tópico</translation>
    </message>
    <message>
        <source>Partitions of the embedded broker&apos;s topics</source>
        <translation>Partições dos tópicos do broker embutido</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>Partições</translation>
    </message>
    <message>
        <source>librdkafka settings, one name=value per line, passed to the producer and the consumer (security settings of a real cluster)</source>
        <translation>Definições do librdkafka, uma name=value por linha, passadas ao produtor e ao consumidor (definições de segurança de um cluster real)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Definições</translation>
    </message>
    <message>
        <source>Take the embedded broker down</source>
        <translation>Desligar o broker embutido</translation>
    </message>
    <message>
        <source>Simulates an outage: the consumer reports the lost broker and recovers when it is back</source>
        <translation>Simula uma falha: o consumidor reporta a perda do broker e recupera quando este voltar</translation>
    </message>
    <message>
        <source>Broker: not started</source>
        <translation>Broker: não iniciado</translation>
    </message>
    <message>
        <source>Initial model</source>
        <translation>Modelo inicial</translation>
    </message>
    <message>
        <source>Model folder: the initially trained model; the stream&apos;s checkpoints go to its stream/ subfolder</source>
        <translation>Pasta do modelo: o modelo treinado inicialmente; os pontos de controlo do fluxo vão para a sua subpasta stream/</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Procurar...</translation>
    </message>
    <message>
        <source>Model folder</source>
        <translation>Pasta do modelo</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Pasta</translation>
    </message>
    <message>
        <source>Model trained on the split&apos;s initial sample, with its default hyperparameters</source>
        <translation>Modelo treinado com a amostra inicial da divisão, com os seus hiperparâmetros predefinidos</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Epochs of the initial training</source>
        <translation>Épocas do treino inicial</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Épocas</translation>
    </message>
    <message>
        <source>Ratings in the initial sample (the first ones in time); the rest, less the static test set, is the stream</source>
        <translation>Classificações na amostra inicial (as primeiras no tempo); o resto, menos o conjunto de teste estático, é o fluxo</translation>
    </message>
    <message>
        <source>Initial ratings</source>
        <translation>Classificações iniciais</translation>
    </message>
    <message>
        <source>Share of the remainder held out as the static test set</source>
        <translation>Proporção do restante reservada como conjunto de teste estático</translation>
    </message>
    <message>
        <source>Test fraction</source>
        <translation>Fração de teste</translation>
    </message>
    <message>
        <source>Train initial model</source>
        <translation>Treinar modelo inicial</translation>
    </message>
    <message>
        <source>Train on the Data tab&apos;s dataset with the continual split and save to the model folder</source>
        <translation>Treinar com o conjunto de dados do separador Dados, com a divisão para aprendizagem contínua, e guardar na pasta do modelo</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Fluxo</translation>
    </message>
    <message>
        <source>Producer rate in ratings per second; 0 sends as fast as the broker takes them</source>
        <translation>Ritmo do produtor em classificações por segundo; 0 envia tão depressa quanto o broker as aceitar</translation>
    </message>
    <message>
        <source>max</source>
        <translation>máx.</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Ritmo</translation>
    </message>
    <message>
        <source>Start producer</source>
        <translation>Iniciar produtor</translation>
    </message>
    <message>
        <source>Replay the stream part of the split into the topic; a restart continues where it stopped</source>
        <translation>Reproduzir a parte de fluxo da divisão no tópico; um reinício continua onde parou</translation>
    </message>
    <message>
        <source>%v of %m sent</source>
        <translation>%v de %m enviadas</translation>
    </message>
    <message>
        <source>Fine-tune when this many ratings are buffered</source>
        <translation>Afinar quando o buffer tiver este número de classificações</translation>
    </message>
    <message>
        <source>Buffer</source>
        <translation>Buffer</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Also fine-tune when this long has passed since the last step</source>
        <translation>Afinar também quando tiver passado este tempo desde o último passo</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Acionador</translation>
    </message>
    <message>
        <source>Fine-tuning epochs per step</source>
        <translation>Épocas de afinação por passo</translation>
    </message>
    <message>
        <source>Epochs per step</source>
        <translation>Épocas por passo</translation>
    </message>
    <message>
        <source>Start consumer</source>
        <translation>Iniciar consumidor</translation>
    </message>
    <message>
        <source>Fine-tune the model from the topic, checkpointing each step with its offsets</source>
        <translation>Afinar o modelo a partir do tópico, guardando um ponto de controlo de cada passo com os seus offsets</translation>
    </message>
    <message>
        <source>buffer %v / %m</source>
        <translation>buffer %v / %m</translation>
    </message>
    <message>
        <source>Prediction server</source>
        <translation>Servidor de previsões</translation>
    </message>
    <message>
        <source>Port on 127.0.0.1; 0 picks a free one</source>
        <translation>Porta em 127.0.0.1; 0 escolhe uma livre</translation>
    </message>
    <message>
        <source>Serve predictions</source>
        <translation>Servir previsões</translation>
    </message>
    <message>
        <source>POST /predict, POST /predict/batch, GET /health; follows each new checkpoint</source>
        <translation>POST /predict, POST /predict/batch, GET /health; acompanha cada novo ponto de controlo</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Passo</translation>
    </message>
    <message>
        <source>Static test set</source>
        <translation>Conjunto de teste estático</translation>
    </message>
    <message>
        <source>Validation (20 % of the buffer)</source>
        <translation>Validação (20 % do buffer)</translation>
    </message>
    <message>
        <source>Old distribution (initial holdout)</source>
        <translation>Distribuição antiga (validação do treino inicial)</translation>
    </message>
    <message>
        <source>Buffer fill</source>
        <translation>Ocupação do buffer</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Segundos</translation>
    </message>
    <message>
        <source>Buffered</source>
        <translation>No buffer</translation>
    </message>
    <message>
        <source>Ingest rate</source>
        <translation>Ritmo de ingestão</translation>
    </message>
    <message>
        <source>Ingest</source>
        <translation>Ingestão</translation>
    </message>
    <message>
        <source>Consumer lag</source>
        <translation>Atraso do consumidor</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Atraso</translation>
    </message>
    <message>
        <source>New users and movies</source>
        <translation>Novos utilizadores e filmes</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilizadores</translation>
    </message>
    <message>
        <source>Movies</source>
        <translation>Filmes</translation>
    </message>
    <message>
        <source>Give the bootstrap servers of the external cluster</source>
        <translation>Indique os servidores de bootstrap do cluster externo</translation>
    </message>
    <message>
        <source>Broker: embedded at %1</source>
        <translation>Broker: embutido em %1</translation>
    </message>
    <message>
        <source>The embedded broker is not running</source>
        <translation>O broker embutido não está em execução</translation>
    </message>
    <message>
        <source>Load a dataset in the Data tab first</source>
        <translation>Carregue primeiro um conjunto de dados no separador Dados</translation>
    </message>
    <message>
        <source>Initial training cancelled; nothing saved</source>
        <translation>Treino inicial cancelado; nada foi guardado</translation>
    </message>
    <message>
        <source>Training the initial model on %1 ratings...</source>
        <translation>A treinar o modelo inicial com %1 classificações...</translation>
    </message>
    <message>
        <source>Load the dataset the model was trained on in the Data tab</source>
        <translation>Carregue no separador Dados o conjunto de dados com que o modelo foi treinado</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#c62828&apos;&gt;lost&lt;/b&gt; (%1)</source>
        <translation>&lt;b style=&apos;color:#c62828&apos;&gt;perdido&lt;/b&gt; (%1)</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#2e7d32&apos;&gt;connected&lt;/b&gt;</source>
        <translation>&lt;b style=&apos;color:#2e7d32&apos;&gt;ligado&lt;/b&gt;</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>a ligar</translation>
    </message>
    <message>
        <source>Broker: %1</source>
        <translation>Broker: %1</translation>
    </message>
    <message>
        <source>%1 | step %2 | %3 messages (%4 malformed) | %5 msg/s | lag %6</source>
        <translation>%1 | passo %2 | %3 mensagens (%4 mal formadas) | %5 msg/s | atraso %6</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Classificações</translation>
    </message>
    <message>
        <source>Malformed</source>
        <translation>Mal formadas</translation>
    </message>
    <message>
        <source>New users</source>
        <translation>Novos utilizadores</translation>
    </message>
    <message>
        <source>New movies</source>
        <translation>Novos filmes</translation>
    </message>
    <message>
        <source>Validation MSE</source>
        <translation>MSE de validação</translation>
    </message>
    <message>
        <source>Test MSE</source>
        <translation>MSE de teste</translation>
    </message>
    <message>
        <source>Old MSE</source>
        <translation>MSE antigo</translation>
    </message>
    <message>
        <source>Test RMSE</source>
        <translation>RMSE de teste</translation>
    </message>
    <message>
        <source>Fine-tune s</source>
        <translation>Afinação s</translation>
    </message>
    <message>
        <source>Step s</source>
        <translation>Passo s</translation>
    </message>
    <message>
        <source>Ingest msg/s</source>
        <translation>Ingestão msg/s</translation>
    </message>
    <message>
        <source>Cancel training</source>
        <translation>Cancelar treino</translation>
    </message>
    <message>
        <source>Stop producer</source>
        <translation>Parar produtor</translation>
    </message>
    <message>
        <source>Stop consumer</source>
        <translation>Parar consumidor</translation>
    </message>
    <message>
        <source>Messages/s</source>
        <translation>Mensagens/s</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensagens</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>Admitidos</translation>
    </message>
    <message>
        <source>Fine-tuning MSE per step (stars²)</source>
        <translation>MSE da afinação por passo (estrelas²)</translation>
    </message>
    <message>
        <source>MSE</source>
        <translation>MSE</translation>
    </message>
</context>
<context>
    <name>Ncf::Ui::TableCard</name>
    <message>
        <source>Save this table as CSV, Markdown or LaTeX, or copy it</source>
        <translation>Guardar esta tabela como CSV, Markdown ou LaTeX, ou copiá-la</translation>
    </message>
    <message>
        <source>CSV...</source>
        <translation>CSV...</translation>
    </message>
    <message>
        <source>Markdown...</source>
        <translation>Markdown...</translation>
    </message>
    <message>
        <source>LaTeX...</source>
        <translation>LaTeX...</translation>
    </message>
    <message>
        <source>Copy as Markdown</source>
        <translation>Copiar como Markdown</translation>
    </message>
</context>
<context>
    <name>Ncf::Ui::TrainTab</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Épocas</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>nonlinear: neural collaborative filtering; autoencoder and vae: (variational) autoencoders over the two embeddings; mf: biased matrix factorisation; mean: the training mean (a baseline)</source>
        <translation>nonlinear: filtragem colaborativa neuronal; autoencoder e vae: autoencoders (variacionais) sobre os dois embeddings; mf: fatorização de matrizes com termos de viés; mean: a média do treino (uma referência)</translation>
    </message>
    <message>
        <source>Hyperparameters</source>
        <translation>Hiperparâmetros</translation>
    </message>
    <message>
        <source>Start from the model&apos;s defaults; a value out of range is flagged and keeps Train disabled</source>
        <translation>Os valores iniciais são os predefinidos do modelo; um valor fora do intervalo é assinalado e mantém Treinar desativado</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Execução</translation>
    </message>
    <message>
        <source>Most epochs to train; patience may stop the run earlier</source>
        <translation>Número máximo de épocas de treino; a paciência (patience) pode parar a execução mais cedo</translation>
    </message>
    <message>
        <source>Training share of the random holdout; the rest validates every epoch</source>
        <translation>Proporção de treino da divisão aleatória treino/validação; o resto valida cada época</translation>
    </message>
    <message>
        <source>Training share</source>
        <translation>Proporção de treino</translation>
    </message>
    <message>
        <source>Seed of the split, the initial weights and the shuffling: the same seed gives the same run</source>
        <translation>Semente da divisão, dos pesos iniciais e da baralhação: a mesma semente dá a mesma execução</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Semente</translation>
    </message>
    <message>
        <source>Intra-op threads of the training</source>
        <translation>Threads intra-operação do treino</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Treinar</translation>
    </message>
    <message>
        <source>Save model...</source>
        <translation>Guardar modelo...</translation>
    </message>
    <message>
        <source>Write the trained model (best epoch) to a folder that ncf predict and the Stream tab load</source>
        <translation>Escrever o modelo treinado (melhor época) numa pasta que o ncf predict e o separador Fluxo carregam</translation>
    </message>
    <message>
        <source>Model folder</source>
        <translation>Pasta do modelo</translation>
    </message>
    <message>
        <source>Model saved to %1</source>
        <translation>Modelo guardado em %1</translation>
    </message>
    <message>
        <source>Epochs done; the time left is estimated from the epochs so far</source>
        <translation>Épocas concluídas; o tempo restante é estimado a partir das épocas já feitas</translation>
    </message>
    <message>
        <source>Train runs stored in the experiment database, newest first: pick one to show its curves</source>
        <translation>Execuções de treino guardadas na base de dados de experiências, da mais recente para a mais antiga: escolha uma para mostrar as suas curvas</translation>
    </message>
    <message>
        <source>Stored runs</source>
        <translation>Execuções guardadas</translation>
    </message>
    <message>
        <source>Training and validation loss</source>
        <translation>Perda de treino e de validação</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Época</translation>
    </message>
    <message>
        <source>MSE (ratings scaled to [0, 1])</source>
        <translation>MSE (classificações reescaladas para [0, 1])</translation>
    </message>
    <message>
        <source>Training MSE</source>
        <translation>MSE de treino</translation>
    </message>
    <message>
        <source>Validation MSE</source>
        <translation>MSE de validação</translation>
    </message>
    <message>
        <source>Best epoch</source>
        <translation>Melhor época</translation>
    </message>
    <message>
        <source>Validation RMSE</source>
        <translation>RMSE de validação</translation>
    </message>
    <message>
        <source>RMSE (stars)</source>
        <translation>RMSE (estrelas)</translation>
    </message>
    <message>
        <source>KL weight (beta)</source>
        <translation>Peso KL (beta)</translation>
    </message>
    <message>
        <source>beta</source>
        <translation>beta</translation>
    </message>
    <message>
        <source>Load a dataset in the Data tab first</source>
        <translation>Carregue primeiro um conjunto de dados no separador Dados</translation>
    </message>
    <message>
        <source>Starting %1 on %2 ratings...</source>
        <translation>A iniciar %1 com %2 classificações...</translation>
    </message>
    <message>
        <source>Training %1 for up to %2 epochs...</source>
        <translation>A treinar %1 durante um máximo de %2 épocas...</translation>
    </message>
    <message>
        <source>Cancelling after the current batch...</source>
        <translation>A cancelar após o lote atual...</translation>
    </message>
    <message>
        <source>No trained model: train one first</source>
        <translation>Nenhum modelo treinado: treine um primeiro</translation>
    </message>
    <message>
        <source>Epoch %1 of %2: training MSE %3, validation RMSE %4 (best epoch %5)</source>
        <translation>Época %1 de %2: MSE de treino %3, RMSE de validação %4 (melhor época %5)</translation>
    </message>
    <message>
        <source>, cancelled</source>
        <translation>, cancelado</translation>
    </message>
    <message>
        <source>, stopped early</source>
        <translation>, parado antecipadamente</translation>
    </message>
    <message>
        <source>Best epoch %1 of %2: validation RMSE %3, %4 samples/s, %5 in all%6</source>
        <translation>Melhor época %1 de %2: RMSE de validação %3, %4 amostras/s, %5 no total%6</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>O treino falhou: %1</translation>
    </message>
    <message>
        <source>%v of %m epochs</source>
        <translation>%v de %m épocas</translation>
    </message>
    <message>
        <source>Run %1: %2, %3 epochs, %4</source>
        <translation>Execução %1: %2, %3 épocas, %4</translation>
    </message>
    <message>
        <source>Run %1 (%2, %3): %4 epochs, best epoch %5, validation RMSE %6; %7</source>
        <translation>Execução %1 (%2, %3): %4 épocas, melhor época %5, RMSE de validação %6; %7</translation>
    </message>
    <message>
        <source>%v of %m epochs, about %1 left</source>
        <translation>%v de %m épocas, faltam cerca de %1</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Segundos</translation>
    </message>
    <message>
        <source>Beta</source>
        <translation>Beta</translation>
    </message>
    <message>
        <source>KL</source>
        <translation>KL</translation>
    </message>
    <message>
        <source>Best epoch: %1 (lowest validation MSE). MSE on ratings scaled to [0, 1]; RMSE in stars.</source>
        <translation>Melhor época: %1 (menor MSE de validação). MSE sobre as classificações reescaladas para [0, 1]; RMSE em estrelas.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop after the current batch; the epochs so far stay in the database</source>
        <translation>Parar após o lote atual; as épocas já feitas ficam na base de dados</translation>
    </message>
    <message>
        <source>Train on a random holdout of the Data tab&apos;s dataset</source>
        <translation>Treinar numa divisão aleatória treino/validação do conjunto de dados do separador Dados</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1: não é possível criar a pasta</translation>
    </message>
</context>
<context>
    <name>Ncf::Ui::TrialsCard</name>
    <message>
        <source>Save the trials table as CSV, Markdown or LaTeX, or copy it</source>
        <translation>Guardar a tabela de ensaios como CSV, Markdown ou LaTeX, ou copiá-la</translation>
    </message>
    <message>
        <source>CSV...</source>
        <translation>CSV...</translation>
    </message>
    <message>
        <source>Markdown...</source>
        <translation>Markdown...</translation>
    </message>
    <message>
        <source>LaTeX...</source>
        <translation>LaTeX...</translation>
    </message>
    <message>
        <source>Copy as Markdown</source>
        <translation>Copiar como Markdown</translation>
    </message>
    <message>
        <source>Click a header to sort; select trials to highlight them in the charts (Ctrl or Shift for several)</source>
        <translation>Clique num cabeçalho para ordenar; selecione ensaios para os destacar nos gráficos (Ctrl ou Shift para vários)</translation>
    </message>
</context>
<context>
    <name>Ncf::Ui::TrialsModel</name>
    <message>
        <source>pending</source>
        <translation>pendente</translation>
    </message>
    <message>
        <source>running</source>
        <translation>em execução</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>concluído</translation>
    </message>
    <message>
        <source>stopped by ASHA</source>
        <translation>parado pelo ASHA</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falhado</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrompido</translation>
    </message>
    <message>
        <source>Validation RMSE at epoch %1</source>
        <translation>RMSE de validação na época %1</translation>
    </message>
    <message>
        <source>Validation RMSE at the trial&apos;s best epoch</source>
        <translation>RMSE de validação na melhor época do ensaio</translation>
    </message>
    <message>
        <source>The sampled values of the searched hyperparameters</source>
        <translation>Os valores amostrados dos hiperparâmetros pesquisados</translation>
    </message>
    <message>
        <source>Epochs the trial has run</source>
        <translation>Épocas que o ensaio executou</translation>
    </message>
    <message>
        <source>Lowest validation RMSE (stars) over the trial&apos;s epochs</source>
        <translation>Menor RMSE de validação (estrelas) ao longo das épocas do ensaio</translation>
    </message>
    <message>
        <source>Validation RMSE at the epoch chosen under &quot;Compare at epoch&quot;</source>
        <translation>RMSE de validação na época escolhida em &quot;Comparar na época&quot;</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>Ensaio</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Configuração</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Épocas</translation>
    </message>
    <message>
        <source>Best epoch</source>
        <translation>Melhor época</translation>
    </message>
    <message>
        <source>Best val. RMSE</source>
        <translation>Melhor RMSE val.</translation>
    </message>
    <message>
        <source>RMSE at epoch %1</source>
        <translation>RMSE na época %1</translation>
    </message>
    <message>
        <source>RMSE at best epoch</source>
        <translation>RMSE na melhor época</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Segundos</translation>
    </message>
    <message>
        <source>Best validation RMSE</source>
        <translation>Melhor RMSE de validação</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erro</translation>
    </message>
    <message>
        <source>Validation RMSE in stars on the search&apos;s holdout split.</source>
        <translation>RMSE de validação em estrelas na divisão treino/validação da pesquisa.</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Época</translation>
    </message>
    <message>
        <source>Training MSE</source>
        <translation>MSE de treino</translation>
    </message>
    <message>
        <source>Validation MSE</source>
        <translation>MSE de validação</translation>
    </message>
    <message>
        <source>Validation RMSE</source>
        <translation>RMSE de validação</translation>
    </message>
</context>
<context>
    <name>SearchJob</name>
    <message>
        <source>Loading %1 for the search...</source>
        <translation>A carregar %1 para a pesquisa...</translation>
    </message>
    <message>
        <source>%1 changed since experiment %2 used it (its SHA-256 differs); going on would mix results from two datasets</source>
        <translation>%1 mudou desde que a experiência %2 o usou (o seu SHA-256 é diferente); continuar misturaria resultados de dois conjuntos de dados</translation>
    </message>
    <message>
        <source>The search was cancelled before it started</source>
        <translation>A pesquisa foi cancelada antes de começar</translation>
    </message>
</context>
</TS>
